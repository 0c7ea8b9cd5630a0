// Project cards (their companies) of existing projects, derived by the loader from the
// graph a batched load leaves (src/load/plan/cards.ts, nodeCards; src/load/recard.ts); a
// load into an empty store writes them with the projects. MATCH, not MERGE, as
// load/talk-card: a project deleted meanwhile must not come back as a bare id.
UNWIND $rows AS row
MATCH (n:Project {id: row.id})
SET n.companyRows = row.companyRows
