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
// $sort (TalkOrder) picks one of the stored sort keys (src/load/sort-keys.ts); Cypher
// cannot bind ORDER BY itself, and Kuzu cannot parse a parameter named $order (a keyword).
ORDER BY CASE WHEN $sort = 'TITLE' THEN t.titleKey WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE t.newestKey END
SKIP $skip
LIMIT $limit
