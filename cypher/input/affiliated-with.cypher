// What load/affiliated-with writes, read back from the store for the derivations of a batched load (src/load/recard.ts).
MATCH (p:Person)-[a:AFFILIATED_WITH]->(c:Company)
RETURN p.id AS from, c.id AS to, a.editionId AS editionId
