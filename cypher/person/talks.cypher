MATCH (p:Person)-[:PRESENTED]->(t:Talk)-[:AT]->(e:Edition)
WHERE p.id >= $idsFrom AND p.id <= $idsTo AND p.id IN $ids
RETURN p.id AS key, t AS node
ORDER BY key, e.year, node.title, node.id
