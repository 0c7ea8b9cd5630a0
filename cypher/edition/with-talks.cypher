// edition(id:) or node(id:) selecting the edition's talks: the edition and its talks
// in one statement, where the lookup (node/one) and edition/talks were two side by
// side (src/graphql/prefetch.ts, Loaders.editionTalksAlong). On Neo4j each statement
// costs a round trip of about 0.8 ms before any work, and the two contended for the
// same cores (R2, issue #9). One edition per statement, found by its id alone: on Kuzu
// at 1000× an `IN $ids` scan with an OPTIONAL MATCH took 27 ms, this form 3.7 ms. The
// talks are collected first, so an edition with no talk gives its row with an empty
// list, and no row means no such edition. The collect need not keep an order: the
// repository sorts the talks by their stored oldestKey, which within one edition
// orders as edition/talks does (day, title, id: src/load/sort-keys.ts). The service
// reads each talk as a projected copy (`projected` in src/store/queries.ts), and the
// edition as one too when its selection is known (Loaders.editionTalksAlong).
MATCH (t:Talk)-[:AT]->(:Edition {id: $id})
WITH collect({sortKey: t.oldestKey, node: t}) AS talks
MATCH (e:Edition {id: $id})
RETURN e.id AS key, e AS edition, talks
