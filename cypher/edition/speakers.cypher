MATCH (p:Person)-[:PRESENTED]->(:Talk)-[:AT]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN DISTINCT e.id AS key, p AS node
ORDER BY key, toLower(node.name), node.id
