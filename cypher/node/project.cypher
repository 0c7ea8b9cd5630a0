// Project nodes by id: the batch behind every Project field and node(id).
MATCH (n:Project)
WHERE n.id IN $ids
RETURN n.id AS key, n AS node
