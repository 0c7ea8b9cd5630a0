// Talks stored without a card (a store written before them: src/load/plan/cards.ts),
// counted at start (src/load/backfill.ts). Any column missing means no card: a store
// written before the companies' column gains it at its next start.
MATCH (t:Talk)
WHERE t.participantRows IS NULL OR t.projectRows IS NULL OR t.companyRows IS NULL
RETURN count(t) AS count
