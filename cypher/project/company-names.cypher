// Project.companies asked only for ids and names: project/companies.cypher
// returning those two properties alone (see talk/project-names.cypher).
MATCH (p:Project)
WHERE p.id IN $ids
OPTIONAL MATCH (b:Company)-[:BACKS]->(p)
WITH p, collect(b.id) AS backing
OPTIONAL MATCH (s:Company)-[:PRESENTED]->(:Talk)-[:MENTIONS]->(p)
WITH p, backing, collect(s.id) AS onStage
OPTIONAL MATCH (n:Company)<-[:ABOUT]-(:Announcement)-[:ABOUT]->(p)
WITH p, backing, onStage, collect(n.id) AS announced
UNWIND coalesce(backing, []) + coalesce(onStage, []) + coalesce(announced, []) AS otherId
MATCH (c:Company {id: otherId})
RETURN DISTINCT p.id AS key, c.id AS id, c.name AS name
ORDER BY key, toLower(name), id
