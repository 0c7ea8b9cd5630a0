// Companies credited for a talk at the edition (directly, or through a speaker's affiliation: see load/).
MATCH (c:Company)-[:PRESENTED]->(:Talk)-[:AT]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN DISTINCT e.id AS key, c AS node
ORDER BY key, toLower(node.name), node.id
