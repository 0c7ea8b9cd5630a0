MATCH (p:Person)-[:AFFILIATED_WITH]->(c:Company)
WHERE p.id >= $idsFrom AND p.id <= $idsTo AND p.id IN $ids
RETURN DISTINCT p.id AS key, c AS node
ORDER BY key, toLower(node.name), node.id
