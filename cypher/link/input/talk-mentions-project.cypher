// Link backfill input (src/load/backfill.ts): what load/talk-mentions-project gives planLinks.
MATCH (t:Talk)-[:MENTIONS]->(p:Project)
RETURN t.id AS from, p.id AS to
