// Link backfill input (src/load/backfill.ts): what load/project gives planLinks.
MATCH (p:Project)
RETURN p.id AS id, p.name AS name
