// Person nodes by id: the batch behind every Person field and node(id).
MATCH (n:Person)
WHERE n.id IN $ids
RETURN n.id AS key, n AS node
