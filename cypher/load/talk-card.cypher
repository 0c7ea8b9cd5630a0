// Talk cards of existing talks, derived by the loader from the graph a batched
// load leaves (src/load/plan/cards.ts, src/load/recard.ts); a load into an empty
// store writes them with the talks. MATCH, not MERGE: a talk deleted meanwhile
// (a reset's prune committed by another process) must not come back as a bare id.
UNWIND $rows AS row
MATCH (n:Talk {id: row.id})
SET n.participantRows = row.participantRows, n.projectRows = row.projectRows, n.companyRows = row.companyRows
