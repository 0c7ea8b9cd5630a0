// What load/announcement-about-project writes, read back from the store for the derivations of a batched load (src/load/relink.ts).
MATCH (a:Announcement)-[:ABOUT]->(p:Project)
RETURN a.id AS from, p.id AS to
