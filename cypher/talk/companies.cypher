MATCH (c:Company)-[:PRESENTED]->(t:Talk)
WHERE t.id >= $idsFrom AND t.id <= $idsTo AND t.id IN $ids
RETURN DISTINCT t.id AS key, c AS node
ORDER BY key, toLower(node.name), node.id
