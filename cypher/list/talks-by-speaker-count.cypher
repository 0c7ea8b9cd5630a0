// Query.talks' totalCount when the page did not bring it and the speaker ($speakerId) is
// set (see list/talks-by-speaker.cypher).
MATCH (:Person {id: $speakerId})-[:PRESENTED]->(t:Talk)
WHERE ($editionId IS NULL OR t.editionId = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
  AND ($companyId IS NULL OR EXISTS { MATCH (:Company {id: $companyId})-[:PRESENTED]->(t) })
  AND ($projectId IS NULL OR EXISTS { MATCH (t)-[:MENTIONS]->(:Project {id: $projectId}) })
RETURN count(*) AS count
