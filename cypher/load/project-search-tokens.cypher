// Sets the index words of existing projects, from their search text (src/load/backfill.ts).
UNWIND $rows AS row
MATCH (n:Project {id: row.id})
SET n.searchTokens = row.searchTokens
