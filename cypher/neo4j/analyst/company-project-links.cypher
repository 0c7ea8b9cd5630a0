// Query.companyProjectLinksConnection on Neo4j: the shared file's weights and
// order, computed from the facts rather than from every company × project
// pair (which Neo4j plans as a cartesian product with three subqueries each,
// about a second on the real graph). The three kinds of fact, as in
// analyst/company-project-facts: credited talks discussing the project,
// announcements naming both, and BACKS (without an edition filter only).
CALL () {
  MATCH (c:Company)-[:PRESENTED]->(t:Talk)-[:MENTIONS]->(p:Project)
  WHERE ($companyId IS NULL OR c.id = $companyId)
    AND ($projectId IS NULL OR p.id = $projectId)
    AND ($editionId IS NULL OR EXISTS { MATCH (t)-[:AT]->(:Edition {id: $editionId}) })
  RETURN c, p, t.id AS fact
  UNION ALL
  MATCH (c:Company)<-[:ABOUT]-(a:Announcement)-[:ABOUT]->(p:Project)
  WHERE ($companyId IS NULL OR c.id = $companyId)
    AND ($projectId IS NULL OR p.id = $projectId)
    AND ($editionId IS NULL OR EXISTS { MATCH (a)-[:AT]->(:Edition {id: $editionId}) })
  RETURN c, p, a.id AS fact
  UNION ALL
  MATCH (c:Company)-[b:BACKS]->(p:Project)
  WHERE $editionId IS NULL
    AND ($companyId IS NULL OR c.id = $companyId)
    AND ($projectId IS NULL OR p.id = $projectId)
  RETURN c, p, 'backs:' + b.kind AS fact
}
WITH c, p, count(DISTINCT fact) AS weight
RETURN c.id AS company, p.id AS project, weight
ORDER BY weight DESC, toLower(c.name), toLower(p.name), company, project
SKIP $skip
LIMIT $limit
