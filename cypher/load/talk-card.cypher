// Talk cards, derived by the loader from the graph a batched load leaves
// (src/load/plan/cards.ts, src/load/recard.ts); a load into an empty store
// writes them with the talks.
UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:Talk {id: row.id})
SET n.participantRows = row.participantRows, n.projectRows = row.projectRows
