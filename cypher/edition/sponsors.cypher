// Companies that sponsored or exhibited at the edition, with the SPONSORED relationship (tier, booth, sources).
MATCH (c:Company)-[r:SPONSORED]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN e.id AS key, c AS node, r AS rel
ORDER BY key, toLower(node.name), node.id
