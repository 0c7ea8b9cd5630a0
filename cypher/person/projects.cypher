// Projects discussed in the person's talks.
MATCH (p:Person)-[:PRESENTED]->(:Talk)-[:MENTIONS]->(x:Project)
WHERE p.id >= $idsFrom AND p.id <= $idsTo AND p.id IN $ids
RETURN DISTINCT p.id AS key, x AS node
ORDER BY key, toLower(node.name), node.id
