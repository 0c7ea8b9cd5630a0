MATCH (a:Article)-[:COVERS]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN e.id AS key, a AS node
ORDER BY key, node.title, node.id
