// Link backfill input (src/load/backfill.ts): what load/announcement-about-project gives planLinks.
MATCH (a:Announcement)-[:ABOUT]->(p:Project)
RETURN a.id AS from, p.id AS to
