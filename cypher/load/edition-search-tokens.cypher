// Sets the index words of existing editions, from their search text (src/load/backfill.ts).
UNWIND $rows AS row
MATCH (n:Edition {id: row.id})
SET n.searchTokens = row.searchTokens
