// Company.people asked only for ids and names: company/people.cypher
// returning those two properties alone (see talk/project-names.cypher).
MATCH (p:Person)-[:AFFILIATED_WITH]->(c:Company)
WHERE c.id >= $idsFrom AND c.id <= $idsTo AND c.id IN $ids
RETURN DISTINCT c.id AS key, p.id AS id, p.name AS name
ORDER BY key, toLower(name), id
