// What load/person-presented writes, read back from the store for the derivations of a batched load (src/load/recard.ts).
MATCH (p:Person)-[r:PRESENTED]->(t:Talk)
RETURN p.id AS from, t.id AS to, r.role AS role
