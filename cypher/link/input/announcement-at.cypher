// Link backfill input (src/load/backfill.ts): what load/announcement-at gives planLinks.
MATCH (a:Announcement)-[:AT]->(e:Edition)
RETURN a.id AS from, e.id AS to
