// Talk ids of each edition in display order; Edition.talks pages over them.
// The talks come along (look-ahead: src/graphql/loaders.ts primes them), so the
// page's talks cost no statement of their own: reached from the edition, they
// are cheap (1000×: 2.4 ms with them, against 19 ms for a node/talk batch).
MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE e.id IN $ids
RETURN e.id AS key, t.id AS id, t AS node
ORDER BY key, t.day, t.title, id
