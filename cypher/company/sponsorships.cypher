// Editions the company sponsored or exhibited at, oldest first, with the SPONSORED relationship.
MATCH (c:Company)-[r:SPONSORED]->(e:Edition)
WHERE c.id >= $idsFrom AND c.id <= $idsTo AND c.id IN $ids
RETURN c.id AS key, e AS node, r AS rel
ORDER BY key, node.year, node.startDate, node.id
