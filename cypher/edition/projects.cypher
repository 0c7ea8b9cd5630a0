// Projects discussed in a talk at the edition or named by one of its announcements.
MATCH (p:Project)<-[:MENTIONS|ABOUT]-(x)-[:AT]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN DISTINCT e.id AS key, p AS node
ORDER BY key, toLower(node.name), node.id
