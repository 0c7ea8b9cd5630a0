// Sets the index words of existing articles, from their search text (src/load/backfill.ts).
UNWIND $rows AS row
MATCH (n:Article {id: row.id})
SET n.searchTokens = row.searchTokens
