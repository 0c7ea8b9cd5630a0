// Sets the index words of existing companys, from their search text (src/load/backfill.ts).
UNWIND $rows AS row
MATCH (n:Company {id: row.id})
SET n.searchTokens = row.searchTokens
