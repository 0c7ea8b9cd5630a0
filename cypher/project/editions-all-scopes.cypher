// Project.editions(scope: ALL) in one round trip: see edition/projects-all-scopes.cypher.
MATCH (p:Project)<-[:MENTIONS|ABOUT]-(x)-[:AT|COVERS]->(e:Edition)
WHERE p.id IN $ids
RETURN DISTINCT p.id AS key, e AS node
ORDER BY key, node.year, node.startDate, node.id
