// Query.talks' totalCount when the page did not bring it and the company ($companyId) is
// set (see list/talks-by-company.cypher).
MATCH (:Company {id: $companyId})-[:PRESENTED]->(t:Talk)
WHERE ($editionId IS NULL OR t.editionId = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
  AND ($speakerId IS NULL OR EXISTS { MATCH (:Person {id: $speakerId})-[:PRESENTED]->(t) })
  AND ($projectId IS NULL OR EXISTS { MATCH (t)-[:MENTIONS]->(:Project {id: $projectId}) })
RETURN count(*) AS count
