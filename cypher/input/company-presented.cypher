// What load/company-presented writes (the credits the loader derived, stored as PRESENTED
// from companies), read back from the store for the derivations of a batched load (src/load/relink.ts).
MATCH (c:Company)-[:PRESENTED]->(t:Talk)
RETURN c.id AS from, t.id AS to
