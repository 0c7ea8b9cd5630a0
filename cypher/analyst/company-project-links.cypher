// Query.companyProjectLinksConnection: one page of company–project links,
// weighed, ranked and cut here rather than in the resolver. The weight adds up
// the same facts as analyst/company-project-facts: talks the company is
// credited for that discuss the project, announcements naming both, and
// (without an edition filter: backing has no edition) BACKS relationships.
// Each $editionId test sits next to a pattern variable, never alone in a
// conjunct (Kuzu 0.11.3 treats a parameter-only conjunct as true). Ids only:
// returning whole nodes here costs Kuzu more than loading the page's nodes after.
MATCH (c:Company)
WHERE ($companyId IS NULL OR c.id = $companyId)
MATCH (p:Project)
WHERE ($projectId IS NULL OR p.id = $projectId)
WITH c, p,
  COUNT { MATCH (c)-[:PRESENTED]->(t:Talk)-[:MENTIONS]->(p) WHERE ($editionId IS NULL OR EXISTS { MATCH (t)-[:AT]->(:Edition {id: $editionId}) }) } AS talks,
  COUNT { MATCH (c)<-[:ABOUT]-(a:Announcement)-[:ABOUT]->(p) WHERE ($editionId IS NULL OR EXISTS { MATCH (a)-[:AT]->(:Edition {id: $editionId}) }) } AS announcements,
  CASE WHEN $editionId IS NULL THEN COUNT { MATCH (c)-[:BACKS]->(p) } ELSE 0 END AS backing
WITH c.id AS company, p.id AS project, toLower(c.name) AS companyName, toLower(p.name) AS projectName,
     talks + announcements + backing AS weight
WHERE weight > 0
RETURN company, project, weight
ORDER BY weight DESC, companyName, projectName, company, project
SKIP $skip
LIMIT $limit
