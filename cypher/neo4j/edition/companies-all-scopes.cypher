// Edition.companies(scope: ALL) in one round trip: see cypher/kuzu/edition/companies-all-scopes.cypher,
// with Neo4j's type() where Kuzu has label().
MATCH (c:Company)-[r:PRESENTED|MENTIONS]-(x)-[s:AT|COVERS]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids AND (type(r) = 'PRESENTED' OR type(s) = 'COVERS')
RETURN DISTINCT e.id AS key, c AS node
ORDER BY key, toLower(node.name), node.id
