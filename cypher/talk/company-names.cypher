// Talk.companies asked only for ids and names: talk/companies.cypher returning
// those two properties alone (see talk/project-names.cypher).
MATCH (c:Company)-[:PRESENTED]->(t:Talk)
WHERE t.id >= $idsFrom AND t.id <= $idsTo AND t.id IN $ids
RETURN DISTINCT t.id AS key, c.id AS id, c.name AS name
ORDER BY key, toLower(name), id
