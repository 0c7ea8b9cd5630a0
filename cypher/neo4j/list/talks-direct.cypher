// Neo4j: list/talks-direct.cypher with the sort key's range index, as
// ./talks-unfiltered.cypher: with no filter (a wide page that asks each talk's
// edition) the page is read in index order; with one, the planner weighs the
// filter's own index (edition id, the search text's text index) against it.
// The kept talks are collected in page order and matched to their editions by
// position, so the join cannot reorder them.
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
UNWIND range(0, size(kept) - 1) AS i
WITH i, kept[i] AS t
MATCH (edition:Edition {id: t.editionId})
RETURN t AS node, edition AS edition
ORDER BY i
