MATCH (f:Figure)-[:AT]->(e:Edition)
WHERE f.id >= $idsFrom AND f.id <= $idsTo AND f.id IN $ids
RETURN f.id AS key, e AS node
