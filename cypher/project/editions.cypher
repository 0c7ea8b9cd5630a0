// Editions where a talk discussed the project or an announcement named it.
MATCH (p:Project)<-[:MENTIONS|ABOUT]-(x)-[:AT]->(e:Edition)
WHERE p.id IN $ids
RETURN DISTINCT p.id AS key, e AS node
ORDER BY key, node.year, node.startDate, node.id
