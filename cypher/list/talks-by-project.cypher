// Query.talks when the project ($projectId) is set (see talkList in src/store/repository.ts):
// the talks are reached from a project found by its primary key instead of
// testing a subquery on every talk (at 1000×, a project's talks: 69 → 8 ms).
// The other relationship filters stay subqueries, over those few talks. Order
// and edition match as in list/talks-direct.cypher. The match yields each talk
// once: loads MERGE one relationship per pair (cypher/load/*-presented.cypher,
// talk-mentions-project.cypher), and DISTINCT here cost 2 ms of 7 at 1×.
MATCH (t:Talk)-[:MENTIONS]->(:Project {id: $projectId})
WHERE ($editionId IS NULL OR t.editionId = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
  AND ($speakerId IS NULL OR EXISTS { MATCH (:Person {id: $speakerId})-[:PRESENTED]->(t) })
  AND ($companyId IS NULL OR EXISTS { MATCH (:Company {id: $companyId})-[:PRESENTED]->(t) })
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
RETURN t AS node, edition AS edition
ORDER BY sortKey
