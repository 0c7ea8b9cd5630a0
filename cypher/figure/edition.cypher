MATCH (f:Figure)-[:AT]->(e:Edition)
WHERE f.id IN $ids
RETURN f.id AS key, e AS node
