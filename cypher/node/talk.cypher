// Talk nodes by id: the batch behind every Talk field and node(id).
MATCH (n:Talk)
WHERE n.id IN $ids
RETURN n.id AS key, n AS node
