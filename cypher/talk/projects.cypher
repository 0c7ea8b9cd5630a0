MATCH (t:Talk)-[:MENTIONS]->(p:Project)
WHERE t.id >= $idsFrom AND t.id <= $idsTo AND t.id IN $ids
RETURN t.id AS key, p AS node
ORDER BY key, toLower(node.name), node.id
