// Edition.companies (stage side) asked only for ids and names: edition/companies.cypher
// returning those two properties alone (see talk/project-names.cypher).
MATCH (c:Company)-[:PRESENTED]->(:Talk)-[:AT]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN DISTINCT e.id AS key, c.id AS id, c.name AS name
ORDER BY key, toLower(name), id
