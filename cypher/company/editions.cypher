MATCH (c:Company)-[:PRESENTED]->(:Talk)-[:AT]->(e:Edition)
WHERE c.id >= $idsFrom AND c.id <= $idsTo AND c.id IN $ids
RETURN DISTINCT c.id AS key, e AS node
ORDER BY key, node.year, node.startDate, node.id
