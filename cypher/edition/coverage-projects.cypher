// Projects a recap of the edition names, wherever in the article (Edition.projects scope COVERAGE
// removes the ones on stage in the resolver).
MATCH (p:Project)<-[:MENTIONS]-(:Article)-[:COVERS]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN DISTINCT e.id AS key, p AS node
ORDER BY key, toLower(node.name), node.id
