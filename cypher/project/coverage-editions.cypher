// Editions whose recaps name the project, wherever in the article, on stage or not:
// Project.editions(scope: COVERAGE) removes those on stage in the resolver
// (src/graphql/resolvers/scope.ts).
MATCH (p:Project)<-[:MENTIONS]-(:Article)-[:COVERS]->(e:Edition)
WHERE p.id IN $ids
RETURN DISTINCT p.id AS key, e AS node
ORDER BY key, node.year, node.startDate, node.id
