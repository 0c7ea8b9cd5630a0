// Link backfill input (src/load/backfill.ts): what load/announcement-about-company gives planLinks.
MATCH (a:Announcement)-[:ABOUT]->(c:Company)
RETURN a.id AS from, c.id AS to
