// list/talks-counted.cypher when no relationship filter is set (see
// list/talks-direct.cypher): the page and the filtered count in one statement
// (at 1000×: 164 → 116 ms). Every row carries the total (no row: the resolver
// counts with list/talks-direct-count.cypher).
MATCH (t0:Talk)-[:AT]->(e0:Edition)
WHERE ($editionId IS NULL OR e0.id = $editionId)
  AND ($kind IS NULL OR t0.kind = $kind)
  AND ($titleContains IS NULL OR t0.searchText CONTAINS $titleContains)
WITH count(*) AS total
MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE ($editionId IS NULL OR e.id = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
WITH total, t, e.id AS editionId, CASE WHEN $sort = 'TITLE' THEN t.titleKey WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE t.newestKey END AS sortKey
ORDER BY sortKey
SKIP $skip
LIMIT $limit
MATCH (edition:Edition)
WHERE edition.id = editionId
RETURN t AS node, edition, total
ORDER BY sortKey
