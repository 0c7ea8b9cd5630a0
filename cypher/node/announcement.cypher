// Announcement nodes by id, when the node loader batches two ids or more (node(id), and
// every field that loads a node by id); one id alone runs node/one (Repository.nodesByIds).
MATCH (n:Announcement)
WHERE n.id >= $idsFrom AND n.id <= $idsTo AND n.id IN $ids
RETURN n.id AS key, n AS node
