MATCH (f:Figure)-[:AT]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN e.id AS key, f AS node
ORDER BY key, node.id
