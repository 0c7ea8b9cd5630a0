MATCH (a:Article)-[:COVERS]->(e:Edition)
RETURN a AS node
ORDER BY e.year, node.title, node.id
