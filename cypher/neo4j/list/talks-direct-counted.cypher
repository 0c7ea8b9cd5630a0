// Neo4j: ./talks-direct.cypher with the filtered count in the same statement; with
// no filter, the count comes from the count store. No row: the resolver counts
// with list/talks-direct-count.cypher.
MATCH (t:Talk)
WHERE true
  AND ($editionId IS NULL OR t.editionId = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
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
WITH kept, COUNT {
  MATCH (t0:Talk)
  WHERE true
    AND ($editionId IS NULL OR t0.editionId = $editionId)
    AND ($kind IS NULL OR t0.kind = $kind)
    AND ($titleContains IS NULL OR t0.searchText CONTAINS $titleContains)
} AS total
UNWIND range(0, size(kept) - 1) AS i
WITH i, kept[i] AS t, total
MATCH (edition:Edition {id: t.editionId})
RETURN t AS node, edition AS edition, total
ORDER BY i
