// What load/edition writes that the cards read (its id), read back from the store for the derivations of a batched load (src/load/recard.ts).
MATCH (e:Edition)
RETURN e.id AS id
