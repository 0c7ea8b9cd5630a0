// edition(id:) or node(id:) selecting the edition's talks: the edition and its talks
// in one statement, where the lookup (node/one) and edition/talks were two side by
// side (src/graphql/prefetch.ts, Loaders.editionTalksAlong). On Neo4j each statement
// costs a round trip of about 0.8 ms before any work; the two also contended for the
// same cores (R2, issue #9). An edition with no talk still gives its row, with one
// empty entry the repository drops; no row means no such edition. The talks come back
// unordered (collect need not keep an order): the repository sorts them by their
// stored oldestKey, which within one edition orders as edition/talks does (day,
// title, id: src/load/sort-keys.ts). The service reads each talk as a projected copy.
MATCH (e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
OPTIONAL MATCH (t:Talk)-[:AT]->(e)
RETURN e.id AS key, e AS edition, collect({sortKey: t.oldestKey, node: t}) AS talks
