// Edition cards (their companies in every scope) of existing editions, as
// load/project-card.cypher does for projects (src/load/plan/cards.ts, nodeCards;
// src/load/recard.ts).
UNWIND $rows AS row
MATCH (n:Edition {id: row.id})
SET n.companyRows = row.companyRows
