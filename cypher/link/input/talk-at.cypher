// Link backfill input (src/load/backfill.ts): what load/talk-at gives planLinks.
MATCH (t:Talk)-[:AT]->(e:Edition)
RETURN t.id AS from, e.id AS to
