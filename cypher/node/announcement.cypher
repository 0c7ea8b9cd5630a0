// Announcement nodes by id: the batch behind every Announcement field and node(id).
MATCH (n:Announcement)
WHERE n.id IN $ids
RETURN n.id AS key, n AS node
