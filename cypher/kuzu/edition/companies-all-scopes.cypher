// Edition.companies(scope: ALL) in one round trip: a company presenting a talk at the
// edition (PRESENTED, then AT), or named by a recap covering it (MENTIONS, then COVERS).
// One undirected pattern finds both; it also finds a talk at the edition that merely
// mentions the company (MENTIONS, then AT), which the relationship types rule out.
// Kuzu names a relationship's type with label(), Neo4j with type(): one file each.
MATCH (c:Company)-[r:PRESENTED|MENTIONS]-(x)-[s:AT|COVERS]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids AND (label(r) = 'PRESENTED' OR label(s) = 'COVERS')
RETURN DISTINCT e.id AS key, c AS node
ORDER BY key, toLower(node.name), node.id
