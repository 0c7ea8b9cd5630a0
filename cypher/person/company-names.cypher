// Person.companies asked only for ids and names: person/companies.cypher
// returning those two properties alone (see talk/project-names.cypher). Also
// primed by talk/participant-names.cypher.
MATCH (p:Person)-[:AFFILIATED_WITH]->(c:Company)
WHERE p.id >= $idsFrom AND p.id <= $idsTo AND p.id IN $ids
RETURN DISTINCT p.id AS key, c.id AS id, c.name AS name
ORDER BY key, toLower(name), id
