MATCH (t:Talk)-[:MENTIONS]->(p:Project), (t)-[:AT]->(e:Edition)
WHERE p.id IN $ids
RETURN p.id AS key, t AS node
ORDER BY key, e.year, node.title, node.id
