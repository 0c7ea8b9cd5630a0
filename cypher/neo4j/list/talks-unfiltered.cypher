// Neo4j: list/talks-unfiltered.cypher written so the page is read in the order of
// the asked key's range index (schema.cypher) instead of sorting every talk. The
// guards (src/store/queries.ts) leave one `IS NOT NULL` condition and one ordering
// term on that key, which is what lets the planner use the index: at 1000× the
// page reads 22 talks instead of 46,000 (53 → 4.8 ms). Every talk stores all three
// keys (src/load/sort-keys.ts; a store from before them is keyed at start,
// src/load/backfill.ts), so the condition leaves none out. The keys are unique:
// `t.id` orders nothing and costs nothing.
MATCH (t:Talk)
WHERE true
  AND ($sort <> 'NEWEST' OR t.newestKey IS NOT NULL)
  AND ($sort <> 'OLDEST' OR t.oldestKey IS NOT NULL)
  AND ($sort <> 'TITLE' OR t.titleKey IS NOT NULL)
RETURN t AS node
ORDER BY
  CASE WHEN $sort = 'NEWEST' THEN t.newestKey ELSE 0 END,
  CASE WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE 0 END,
  CASE WHEN $sort = 'TITLE' THEN t.titleKey ELSE 0 END,
  t.id
SKIP $skip
LIMIT $limit
