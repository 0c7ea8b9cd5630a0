MATCH (a:Announcement)-[:ABOUT]->(p:Project)
WHERE a.id >= $idsFrom AND a.id <= $idsTo AND a.id IN $ids
RETURN a.id AS key, p AS node
ORDER BY key, toLower(node.name), node.id
