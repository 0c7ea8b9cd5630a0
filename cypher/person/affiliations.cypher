MATCH (p:Person)-[a:AFFILIATED_WITH]->(c:Company)
WHERE p.id >= $idsFrom AND p.id <= $idsTo AND p.id IN $ids
RETURN p.id AS key, c AS node, a AS rel
ORDER BY key, a.editionId, node.name, node.id
