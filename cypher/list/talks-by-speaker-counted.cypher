// list/talks-by-speaker.cypher with the filtered count (see
// list/talks-direct-counted.cypher). Every row carries the total (no row: the
// resolver counts with list/talks-by-speaker-count.cypher).
MATCH (:Person {id: $speakerId})-[:PRESENTED]->(t:Talk)
WHERE ($editionId IS NULL OR t.editionId = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
  AND ($companyId IS NULL OR EXISTS { MATCH (:Company {id: $companyId})-[:PRESENTED]->(t) })
  AND ($projectId IS NULL OR EXISTS { MATCH (t)-[:MENTIONS]->(:Project {id: $projectId}) })
// $sort (TalkOrder) keeps one of these keys: the others are guard lines pruned away (store/queries.ts).
WITH t, coalesce(
  CASE WHEN $sort = 'NEWEST' THEN t.newestKey ELSE NULL END,
  CASE WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE NULL END,
  CASE WHEN $sort = 'TITLE' THEN t.titleKey ELSE NULL END,
  NULL) AS sortKey
ORDER BY sortKey
SKIP $skip
LIMIT $limit
MATCH (edition:Edition)
WHERE edition.id = t.editionId
WITH collect({node: t, edition: edition, sortKey: sortKey}) AS kept
MATCH (:Person {id: $speakerId})-[:PRESENTED]->(t0:Talk)
WHERE ($editionId IS NULL OR t0.editionId = $editionId)
  AND ($kind IS NULL OR t0.kind = $kind)
  AND ($titleContains IS NULL OR t0.searchText CONTAINS $titleContains)
  AND ($companyId IS NULL OR EXISTS { MATCH (:Company {id: $companyId})-[:PRESENTED]->(t0) })
  AND ($projectId IS NULL OR EXISTS { MATCH (t0)-[:MENTIONS]->(:Project {id: $projectId}) })
WITH kept, count(*) AS total
UNWIND kept AS row
RETURN row.node AS node, row.edition AS edition, total
ORDER BY row.sortKey
