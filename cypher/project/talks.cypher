// The hop to the editions comes after a WITH: written as one pattern, Kuzu 0.11.3 joined
// every AT relationship of the graph (1.4 s for 20 projects at 1000×, 31 ms this way).
MATCH (t:Talk)-[:MENTIONS]->(p:Project)
WHERE p.id >= $idsFrom AND p.id <= $idsTo AND p.id IN $ids
WITH p.id AS key, t
MATCH (t)-[:AT]->(e:Edition)
RETURN key, t AS node
ORDER BY key, e.year, node.title, node.id
