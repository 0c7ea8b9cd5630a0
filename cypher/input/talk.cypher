// What load/talk writes, read back from the store for the derivations of a batched load (src/load/recard.ts).
MATCH (t:Talk)
RETURN t.id AS id
