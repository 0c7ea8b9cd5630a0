// Query.path: every shortest path up to 6 relationships, in any direction, as
// ids, relationship types and provenance; src/graphql picks one deterministically.
MATCH (a)
WHERE a.id = $from
MATCH (b)
WHERE b.id = $to
MATCH p = (a)-[* ALL SHORTEST 1..6]-(b)
WHERE length(p) <= $maxHops
RETURN properties(nodes(p), 'id') AS ids, properties(rels(p), '_label') AS types,
       properties(rels(p), 'sources') AS sources, properties(rels(p), 'reference') AS references
LIMIT 50
