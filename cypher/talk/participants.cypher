// Everyone on stage, with their affiliation at the talk's own edition (people move between editions).
MATCH (p:Person)-[r:PRESENTED]->(t:Talk)-[:AT]->(e:Edition)
WHERE t.id IN $ids
OPTIONAL MATCH (p)-[a:AFFILIATED_WITH]->(c:Company)
WHERE a.editionId = e.id
RETURN t.id AS key, p AS node, r AS rel, c AS company, a.jobTitle AS jobTitle
ORDER BY key, r.role, toLower(node.name), node.id, company.id
