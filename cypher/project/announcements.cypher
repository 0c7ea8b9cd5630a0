MATCH (a:Announcement)-[:ABOUT]->(p:Project), (a)-[:AT]->(e:Edition)
WHERE p.id >= $idsFrom AND p.id <= $idsTo AND p.id IN $ids
RETURN p.id AS key, a AS node
ORDER BY key, e.year, node.id
