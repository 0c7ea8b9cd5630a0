// list/talks.cypher when no relationship filter (speakerId, companyId, projectId)
// is set: only the talk's own fields and its edition. Kuzu works out every
// `$x IS NULL OR EXISTS { … }` for every talk even when $x is null, so leaving
// them out is measured cheaper (at 1000×: 101 → 69 ms). Same order and edition
// fetch as list/talks.cypher (see there).
MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE ($editionId IS NULL OR e.id = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
WITH t, e.id AS editionId, CASE WHEN $sort = 'TITLE' THEN t.titleKey WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE t.newestKey END AS sortKey
ORDER BY sortKey
SKIP $skip
LIMIT $limit
MATCH (edition:Edition)
WHERE edition.id = editionId
RETURN t AS node, edition
ORDER BY sortKey
