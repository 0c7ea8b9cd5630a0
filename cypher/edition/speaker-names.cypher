// Edition.speakers asked only for ids and names: edition/speakers.cypher
// returning those two properties alone (see talk/project-names.cypher).
MATCH (p:Person)-[:PRESENTED]->(:Talk)-[:AT]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN DISTINCT e.id AS key, p.id AS id, p.name AS name
ORDER BY key, toLower(name), id
