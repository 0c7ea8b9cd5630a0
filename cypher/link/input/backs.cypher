// Link backfill input (src/load/backfill.ts): what load/backs gives planLinks.
MATCH (c:Company)-[b:BACKS]->(p:Project)
RETURN c.id AS from, p.id AS to, b.kind AS kind
