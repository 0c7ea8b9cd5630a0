// Query.companyProjectLinksConnection.totalCount: how many company–project
// pairs have a weight above zero under the same filters as
// analyst/company-project-links (keep the two in step).
MATCH (c:Company)
WHERE ($companyId IS NULL OR c.id = $companyId)
MATCH (p:Project)
WHERE ($projectId IS NULL OR p.id = $projectId)
WITH c, p,
  COUNT { MATCH (c)-[:PRESENTED]->(t:Talk)-[:MENTIONS]->(p) WHERE ($editionId IS NULL OR EXISTS { MATCH (t)-[:AT]->(:Edition {id: $editionId}) }) } AS talks,
  COUNT { MATCH (c)<-[:ABOUT]-(a:Announcement)-[:ABOUT]->(p) WHERE ($editionId IS NULL OR EXISTS { MATCH (a)-[:AT]->(:Edition {id: $editionId}) }) } AS announcements,
  CASE WHEN $editionId IS NULL THEN COUNT { MATCH (c)-[:BACKS]->(p) } ELSE 0 END AS backing
WITH talks + announcements + backing AS weight
WHERE weight > 0
RETURN count(*) AS count
