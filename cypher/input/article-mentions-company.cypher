// What load/article-mentions-company writes, read back from the store for the derivations of a batched load (src/load/recard.ts).
MATCH (a:Article)-[:MENTIONS]->(c:Company)
RETURN a.id AS from, c.id AS to
