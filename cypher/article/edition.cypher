MATCH (a:Article)-[:COVERS]->(e:Edition)
WHERE a.id >= $idsFrom AND a.id <= $idsTo AND a.id IN $ids
RETURN a.id AS key, e AS node
