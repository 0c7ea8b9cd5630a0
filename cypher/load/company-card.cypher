// Company cards (their projects) of existing companies, as load/project-card.cypher does
// for projects (src/load/plan/cards.ts, nodeCards; src/load/recard.ts).
UNWIND $rows AS row
MATCH (n:Company {id: row.id})
SET n.projectRows = row.projectRows
