// What load/person writes, read back from the store for the derivations of a batched load (src/load/recard.ts).
MATCH (p:Person)
RETURN p.id AS id, p.name AS name
