// Company.projects asked only for ids and names: company/projects.cypher
// returning those two properties alone (see talk/project-names.cypher).
MATCH (c:Company)
WHERE c.id IN $ids
OPTIONAL MATCH (c)-[:BACKS]->(b:Project)
WITH c, collect(b.id) AS backing
OPTIONAL MATCH (c)-[:PRESENTED]->(:Talk)-[:MENTIONS]->(s:Project)
WITH c, backing, collect(s.id) AS onStage
OPTIONAL MATCH (c)<-[:ABOUT]-(:Announcement)-[:ABOUT]->(n:Project)
WITH c, backing, onStage, collect(n.id) AS announced
UNWIND coalesce(backing, []) + coalesce(onStage, []) + coalesce(announced, []) AS otherId
MATCH (p:Project {id: otherId})
RETURN DISTINCT c.id AS key, p.id AS id, p.name AS name
ORDER BY key, toLower(name), id
