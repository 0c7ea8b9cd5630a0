MATCH (p:Person)-[:AFFILIATED_WITH]->(c:Company)
WHERE c.id >= $idsFrom AND c.id <= $idsTo AND c.id IN $ids
RETURN DISTINCT c.id AS key, p AS node
ORDER BY key, toLower(node.name), node.id
