MATCH (a:Article)-[:PUBLISHED_BY]->(c:Company)
WHERE a.id >= $idsFrom AND a.id <= $idsTo AND a.id IN $ids
RETURN a.id AS key, c AS node
