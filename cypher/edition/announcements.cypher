MATCH (a:Announcement)-[:AT]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN e.id AS key, a AS node
ORDER BY key, node.kind, node.id
