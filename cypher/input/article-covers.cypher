// What load/article-covers writes, read back from the store for the derivations of a batched load (src/load/recard.ts).
MATCH (a:Article)-[:COVERS]->(e:Edition)
RETURN a.id AS from, e.id AS to
