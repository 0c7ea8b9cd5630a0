MATCH (c:Company)-[r:BACKS]->(p:Project)
WHERE p.id >= $idsFrom AND p.id <= $idsTo AND p.id IN $ids
RETURN p.id AS key, c AS node, r AS rel
ORDER BY key, toLower(node.name), node.id
