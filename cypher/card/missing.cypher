// Talks stored without a card (a store written before them: src/load/plan/cards.ts),
// counted at start (src/load/backfill.ts). Either column missing means no card.
MATCH (t:Talk)
WHERE t.participantRows IS NULL OR t.projectRows IS NULL
RETURN count(t) AS count
