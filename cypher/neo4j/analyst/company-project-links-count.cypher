// Query.companyProjectLinksConnection.totalCount on Neo4j: how many pairs
// neo4j/analyst/company-project-links would rank (keep the two in step).
CALL () {
  MATCH (c:Company)-[:PRESENTED]->(t:Talk)-[:MENTIONS]->(p:Project)
  WHERE ($companyId IS NULL OR c.id = $companyId)
    AND ($projectId IS NULL OR p.id = $projectId)
    AND ($editionId IS NULL OR EXISTS { MATCH (t)-[:AT]->(:Edition {id: $editionId}) })
  RETURN c, p
  UNION
  MATCH (c:Company)<-[:ABOUT]-(a:Announcement)-[:ABOUT]->(p:Project)
  WHERE ($companyId IS NULL OR c.id = $companyId)
    AND ($projectId IS NULL OR p.id = $projectId)
    AND ($editionId IS NULL OR EXISTS { MATCH (a)-[:AT]->(:Edition {id: $editionId}) })
  RETURN c, p
  UNION
  MATCH (c:Company)-[:BACKS]->(p:Project)
  WHERE $editionId IS NULL
    AND ($companyId IS NULL OR c.id = $companyId)
    AND ($projectId IS NULL OR p.id = $projectId)
  RETURN c, p
}
RETURN count(*) AS count
