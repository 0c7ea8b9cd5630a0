// Query.talks: one page of talks matching the filter (null filter fields match all),
// each with its edition (primes Talk.edition: no round trip of its own).
// $sort (TalkOrder) picks one of the stored sort keys (src/load/sort-keys.ts); Cypher
// cannot bind ORDER BY itself, and Kuzu cannot parse a parameter named $order (a keyword).
// Only the key and the edition's id travel through the sort: Kuzu materialises
// every column of every joined row before it cuts, so the edition nodes are
// matched after the cut (at 1000×, 108 against 163 ms), and the kept rows are
// ordered again because that match need not keep their order (keys are unique).
MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE ($editionId IS NULL OR e.id = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
  AND ($speakerId IS NULL OR EXISTS { MATCH (:Person {id: $speakerId})-[:PRESENTED]->(t) })
  AND ($companyId IS NULL OR EXISTS { MATCH (:Company {id: $companyId})-[:PRESENTED]->(t) })
  AND ($projectId IS NULL OR EXISTS { MATCH (t)-[:MENTIONS]->(:Project {id: $projectId}) })
WITH t, e.id AS editionId, CASE WHEN $sort = 'TITLE' THEN t.titleKey WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE t.newestKey END AS sortKey
ORDER BY sortKey
SKIP $skip
LIMIT $limit
MATCH (edition:Edition)
WHERE edition.id = editionId
RETURN t AS node, edition
ORDER BY sortKey
