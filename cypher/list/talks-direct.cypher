// list/talks.cypher when no relationship filter (speakerId, companyId, projectId)
// is set: Kuzu works out every `$x IS NULL OR EXISTS { … }` for every talk even
// when $x is null, so leaving them out is cheaper (at 1000×: 101 → 69 ms before
// the stored edition id, 32 ms after). Same order and edition match as list/talks.cypher.
MATCH (t:Talk)
WHERE ($editionId IS NULL OR t.editionId = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
WITH t, CASE WHEN $sort = 'TITLE' THEN t.titleKey WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE t.newestKey END AS sortKey
ORDER BY sortKey
SKIP $skip
LIMIT $limit
MATCH (edition:Edition)
WHERE edition.id = t.editionId
RETURN t AS node, edition
ORDER BY sortKey
