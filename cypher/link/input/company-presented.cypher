// Link backfill input (src/load/backfill.ts): what load/company-presented gives planLinks
// (the credits the loader derived, stored as PRESENTED from companies).
MATCH (c:Company)-[:PRESENTED]->(t:Talk)
RETURN c.id AS from, t.id AS to
