// What load/project writes, read back from the store for the derivations of a batched load (src/load/relink.ts, src/load/recard.ts).
MATCH (p:Project)
RETURN p.id AS id, p.name AS name
