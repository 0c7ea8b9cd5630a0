// What load/talk-mentions-project writes, read back from the store for the derivations of a batched load (src/load/relink.ts, src/load/recard.ts).
MATCH (t:Talk)-[:MENTIONS]->(p:Project)
RETURN t.id AS from, p.id AS to
