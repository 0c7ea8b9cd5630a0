// Editions whose recaps name the project, wherever in the article, on stage or not:
// Project.editions(scope: COVERAGE) removes those on stage in the resolver
// (src/graphql/resolvers/scope.ts). The hop to the editions comes after a WITH, as in
// project/editions.cypher (at 1000× on Kuzu: 50 → 35 ms for 20 projects).
MATCH (p:Project)<-[:MENTIONS]-(a:Article)
WHERE p.id >= $idsFrom AND p.id <= $idsTo AND p.id IN $ids
WITH DISTINCT p.id AS key, a
MATCH (a)-[:COVERS]->(e:Edition)
RETURN DISTINCT key, e AS node
ORDER BY key, node.year, node.startDate, node.id
