// Company nodes by id: the batch behind every Company field and node(id).
MATCH (n:Company)
WHERE n.id IN $ids
RETURN n.id AS key, n AS node
