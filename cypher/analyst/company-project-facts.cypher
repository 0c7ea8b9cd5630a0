// CompanyProjectLink.talks, .announcements and .backing (and the
// company-project-links export): one row per fact linking a company to a
// project — a talk the company presents that discusses the project, an
// announcement naming both, or a BACKS relationship. Read once per request,
// only when a link's facts are asked; weights and ranks are not computed from
// it but stored by the loader (src/load/plan/links.ts). Backing has no edition:
// the resolver drops BACKS rows under an edition filter (a WHERE on
// `$editionId IS NULL` alone is ignored by Kuzu 0.11.3).
MATCH (c:Company)-[:PRESENTED]->(t:Talk)-[:MENTIONS]->(p:Project), (t)-[:AT]->(e:Edition)
WHERE ($editionId IS NULL OR e.id = $editionId)
  AND ($companyId IS NULL OR c.id = $companyId)
  AND ($projectId IS NULL OR p.id = $projectId)
RETURN c.id AS company, c.name AS companyName, p.id AS project, p.name AS projectName, 'TALK' AS via, t.id AS fact
UNION ALL
MATCH (c:Company)<-[:ABOUT]-(a:Announcement)-[:ABOUT]->(p:Project), (a)-[:AT]->(e:Edition)
WHERE ($editionId IS NULL OR e.id = $editionId)
  AND ($companyId IS NULL OR c.id = $companyId)
  AND ($projectId IS NULL OR p.id = $projectId)
RETURN c.id AS company, c.name AS companyName, p.id AS project, p.name AS projectName, 'ANNOUNCEMENT' AS via, a.id AS fact
UNION ALL
MATCH (c:Company)-[b:BACKS]->(p:Project)
WHERE ($companyId IS NULL OR c.id = $companyId)
  AND ($projectId IS NULL OR p.id = $projectId)
RETURN c.id AS company, c.name AS companyName, p.id AS project, p.name AS projectName, 'BACKS' AS via, b.kind AS fact
