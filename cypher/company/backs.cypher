MATCH (c:Company)-[r:BACKS]->(p:Project)
WHERE c.id >= $idsFrom AND c.id <= $idsTo AND c.id IN $ids
RETURN c.id AS key, p AS node, r AS rel
ORDER BY key, toLower(node.name), node.id
