// Edition.companies (scope ALL) asked only for ids and names: edition/companies-all-scopes.cypher
// returning those two properties alone (see talk/project-names.cypher).
MATCH (c:Company)-[r:PRESENTED|MENTIONS]-(x)-[s:AT|COVERS]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids AND (label(r) = 'PRESENTED' OR label(s) = 'COVERS')
RETURN DISTINCT e.id AS key, c.id AS id, c.name AS name
ORDER BY key, toLower(name), id
