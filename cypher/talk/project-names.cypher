// Talk.projects asked only for what an id and a name answer (id, name, label,
// type): talk/projects.cypher returning those two properties alone. Kuzu reads a
// whole column for each property a query returns, so this is half the time of
// the whole nodes at 1× (0.7 against 1.2 ms). The answers are stubs, never
// primed into the node loaders (src/graphql/loaders.ts).
MATCH (t:Talk)-[:MENTIONS]->(p:Project)
WHERE t.id >= $idsFrom AND t.id <= $idsTo AND t.id IN $ids
RETURN t.id AS key, p.id AS id, p.name AS name
ORDER BY key, toLower(name), id
