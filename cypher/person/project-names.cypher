// Person.projects asked only for ids and names: person/projects.cypher
// returning those two properties alone (see talk/project-names.cypher).
MATCH (p:Person)-[:PRESENTED]->(:Talk)-[:MENTIONS]->(x:Project)
WHERE p.id >= $idsFrom AND p.id <= $idsTo AND p.id IN $ids
RETURN DISTINCT p.id AS key, x.id AS id, x.name AS name
ORDER BY key, toLower(name), id
