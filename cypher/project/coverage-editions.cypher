// Editions whose recaps name the project, wherever in the article.
MATCH (p:Project)<-[:MENTIONS]-(:Article)-[:COVERS]->(e:Edition)
WHERE p.id IN $ids
RETURN DISTINCT p.id AS key, e AS node
ORDER BY key, node.year, node.startDate, node.id
