// Edition nodes by id: the batch behind every Edition field and node(id).
MATCH (n:Edition)
WHERE n.id IN $ids
RETURN n.id AS key, n AS node
