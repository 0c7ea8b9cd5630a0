// Each edition's talks in display order; Edition.talks pages over them. The
// service runs a copy returning only the properties the talks' fields need
// (Loaders.partialTalks, `projected` in src/store/queries.ts): reached from the
// edition they are cheap (1000×: 2.4 ms, against 19 ms for a node/talk batch).
MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN e.id AS key, t.id AS id, t AS node
ORDER BY key, t.day, t.title, id
