// What load/company writes, read back from the store for the derivations of a batched load (src/load/relink.ts, src/load/recard.ts).
MATCH (c:Company)
RETURN c.id AS id, c.name AS name
