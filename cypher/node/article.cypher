// Article nodes by id: the batch behind every Article field and node(id).
MATCH (n:Article)
WHERE n.id IN $ids
RETURN n.id AS key, n AS node
