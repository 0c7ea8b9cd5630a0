// Query.talks' totalCount when the page did not bring it and the project ($projectId) is
// set (see list/talks-by-project.cypher).
MATCH (t:Talk)-[:MENTIONS]->(:Project {id: $projectId})
WHERE ($editionId IS NULL OR t.editionId = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
  AND ($speakerId IS NULL OR EXISTS { MATCH (:Person {id: $speakerId})-[:PRESENTED]->(t) })
  AND ($companyId IS NULL OR EXISTS { MATCH (:Company {id: $companyId})-[:PRESENTED]->(t) })
RETURN count(*) AS count
