// Companies a recap of the edition names, wherever in the article (sponsors included),
// on stage or not: Edition.companies(scope: COVERAGE) removes the ones on stage in the
// resolver (src/graphql/resolvers/scope.ts).
MATCH (c:Company)<-[:MENTIONS]-(:Article)-[:COVERS]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN DISTINCT e.id AS key, c AS node
ORDER BY key, toLower(node.name), node.id
