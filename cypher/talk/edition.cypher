MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE t.id >= $idsFrom AND t.id <= $idsTo AND t.id IN $ids
RETURN t.id AS key, e AS node
