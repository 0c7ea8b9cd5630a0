// Sets the index words of existing talks, from their search text (src/load/backfill.ts).
UNWIND $rows AS row
MATCH (n:Talk {id: row.id})
SET n.searchTokens = row.searchTokens
