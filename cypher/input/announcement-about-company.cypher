// What load/announcement-about-company writes, read back from the store for the derivations of a batched load (src/load/relink.ts).
MATCH (a:Announcement)-[:ABOUT]->(c:Company)
RETURN a.id AS from, c.id AS to
