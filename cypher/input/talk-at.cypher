// What load/talk-at writes, read back from the store for the derivations of a batched load (src/load/relink.ts).
MATCH (t:Talk)-[:AT]->(e:Edition)
RETURN t.id AS from, e.id AS to
