// Talks, projects, companies and editions stored without a card (a store written before them:
// src/load/plan/cards.ts), counted at start (src/load/backfill.ts), one row each. Any
// column missing means no card: a store written before one gains it at its next start.
MATCH (t:Talk)
WHERE t.participantRows IS NULL OR t.projectRows IS NULL OR t.companyRows IS NULL
RETURN count(t) AS count
UNION ALL
MATCH (p:Project)
WHERE p.companyRows IS NULL
RETURN count(p) AS count
UNION ALL
MATCH (c:Company)
WHERE c.projectRows IS NULL
RETURN count(c) AS count
UNION ALL
MATCH (e:Edition)
WHERE e.companyRows IS NULL
RETURN count(e) AS count
