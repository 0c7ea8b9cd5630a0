// Query.talks: one page of talks matching the filter (null filter fields match all),
// each with its edition (primes Talk.edition: no round trip of its own).
MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE ($editionId IS NULL OR e.id = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
  AND ($speakerId IS NULL OR EXISTS { MATCH (:Person {id: $speakerId})-[:PRESENTED]->(t) })
  AND ($companyId IS NULL OR EXISTS { MATCH (:Company {id: $companyId})-[:PRESENTED]->(t) })
  AND ($projectId IS NULL OR EXISTS { MATCH (t)-[:MENTIONS]->(:Project {id: $projectId}) })
RETURN t AS node, e AS edition
// $sort (TalkOrder) picks the leading key; Cypher cannot bind ORDER BY itself, and Kuzu
// cannot parse a parameter named $order (a keyword).
ORDER BY CASE WHEN $sort = 'TITLE' THEN toLower(t.title) ELSE '' END,
         CASE WHEN $sort = 'OLDEST' THEN e.year ELSE -e.year END,
         e.id, t.day, t.title, t.id
SKIP $skip
LIMIT $limit
