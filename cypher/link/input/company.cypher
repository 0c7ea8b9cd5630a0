// Link backfill input (src/load/backfill.ts): what load/company gives planLinks.
MATCH (c:Company)
RETURN c.id AS id, c.name AS name
