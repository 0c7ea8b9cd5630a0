// Neo4j: list/talks-unfiltered-counted.cypher read in index order, as
// ./talks-unfiltered.cypher is, with the number of talks from the count store
// (a `COUNT {}` of one label is no scan). The kept talks are collected in page
// order, which `collect` keeps, and unwound in it. No row: the resolver counts
// with list/talks-direct-count.cypher.
MATCH (t:Talk)
WHERE true
  AND ($sort <> 'NEWEST' OR t.newestKey IS NOT NULL)
  AND ($sort <> 'OLDEST' OR t.oldestKey IS NOT NULL)
  AND ($sort <> 'TITLE' OR t.titleKey IS NOT NULL)
WITH t
ORDER BY
  CASE WHEN $sort = 'NEWEST' THEN t.newestKey ELSE 0 END,
  CASE WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE 0 END,
  CASE WHEN $sort = 'TITLE' THEN t.titleKey ELSE 0 END,
  t.id
SKIP $skip
LIMIT $limit
WITH collect(t) AS kept
WITH kept, COUNT { MATCH (:Talk) } AS total
UNWIND kept AS t
RETURN t AS node, total
