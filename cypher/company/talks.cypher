MATCH (c:Company)-[:PRESENTED]->(t:Talk)-[:AT]->(e:Edition)
WHERE c.id >= $idsFrom AND c.id <= $idsTo AND c.id IN $ids
RETURN DISTINCT c.id AS key, t AS node, e.year AS year
ORDER BY key, year, node.title, node.id
