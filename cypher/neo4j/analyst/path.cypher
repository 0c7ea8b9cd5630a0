// Query.path: every shortest path up to 6 relationships, in any direction, as
// ids, relationship types and provenance; src/graphql picks one deterministically.
// Variable-length bounds must be literals in Neo4j: $maxHops filters the result.
MATCH (a {id: $from})
MATCH (b {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | n.id] AS ids, [r IN relationships(p) | type(r)] AS types,
       [r IN relationships(p) | r.sources] AS sources, [r IN relationships(p) | r.reference] AS references
LIMIT 50
