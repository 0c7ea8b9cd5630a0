// Sets the index words of existing persons, from their search text (src/load/backfill.ts).
UNWIND $rows AS row
MATCH (n:Person {id: row.id})
SET n.searchTokens = row.searchTokens
