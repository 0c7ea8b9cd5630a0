// Figure nodes by id: the batch behind every Figure field and node(id).
MATCH (n:Figure)
WHERE n.id IN $ids
RETURN n.id AS key, n AS node
