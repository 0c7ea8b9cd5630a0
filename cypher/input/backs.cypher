// What load/backs writes, read back from the store for the derivations of a batched load (src/load/relink.ts).
MATCH (c:Company)-[b:BACKS]->(p:Project)
RETURN c.id AS from, p.id AS to, b.kind AS kind
