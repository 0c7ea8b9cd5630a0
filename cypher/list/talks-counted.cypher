// Query.talks when totalCount is asked for too (look-ahead): the page of
// list/talks.cypher and the filtered count in one statement. The filter is
// written twice, once for the count and once for the page; every row carries
// the total (no row: the resolver counts with list/talks-count.cypher). As in
// list/talks.cypher, the edition nodes are matched after the cut (at 1000×, 173
// against 284 ms).
MATCH (t0:Talk)-[:AT]->(e0:Edition)
WHERE ($editionId IS NULL OR e0.id = $editionId)
  AND ($kind IS NULL OR t0.kind = $kind)
  AND ($titleContains IS NULL OR t0.searchText CONTAINS $titleContains)
  AND ($speakerId IS NULL OR EXISTS { MATCH (:Person {id: $speakerId})-[:PRESENTED]->(t0) })
  AND ($companyId IS NULL OR EXISTS { MATCH (:Company {id: $companyId})-[:PRESENTED]->(t0) })
  AND ($projectId IS NULL OR EXISTS { MATCH (t0)-[:MENTIONS]->(:Project {id: $projectId}) })
WITH count(*) AS total
MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE ($editionId IS NULL OR e.id = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
  AND ($speakerId IS NULL OR EXISTS { MATCH (:Person {id: $speakerId})-[:PRESENTED]->(t) })
  AND ($companyId IS NULL OR EXISTS { MATCH (:Company {id: $companyId})-[:PRESENTED]->(t) })
  AND ($projectId IS NULL OR EXISTS { MATCH (t)-[:MENTIONS]->(:Project {id: $projectId}) })
WITH total, t, e.id AS editionId, CASE WHEN $sort = 'TITLE' THEN t.titleKey WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE t.newestKey END AS sortKey
ORDER BY sortKey
SKIP $skip
LIMIT $limit
MATCH (edition:Edition)
WHERE edition.id = editionId
RETURN t AS node, edition, total
ORDER BY sortKey
