MATCH (t:Talk)-[:MENTIONS]->(c:Company)
WHERE t.id >= $idsFrom AND t.id <= $idsTo AND t.id IN $ids
RETURN t.id AS key, c AS node
ORDER BY key, toLower(node.name), node.id
