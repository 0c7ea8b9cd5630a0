// What load/announcement-at writes, read back from the store for the derivations of a batched load (src/load/relink.ts).
MATCH (a:Announcement)-[:AT]->(e:Edition)
RETURN a.id AS from, e.id AS to
