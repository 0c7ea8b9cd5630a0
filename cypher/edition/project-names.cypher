// Edition.projects (stage side) asked only for ids and names: edition/projects.cypher
// returning those two properties alone (see talk/project-names.cypher).
MATCH (p:Project)<-[:MENTIONS|ABOUT]-(x)-[:AT]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN DISTINCT e.id AS key, p.id AS id, p.name AS name
ORDER BY key, toLower(name), id
