MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE t.id IN $ids
RETURN t.id AS key, e AS node
