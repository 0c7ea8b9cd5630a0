// Sets the search fields of existing persons (src/load/backfill.ts): their index
// words from the stored text, or both, derived again from their properties.
UNWIND $rows AS row
MATCH (n:Person {id: row.id})
SET n.searchText = row.searchText, n.searchTokens = row.searchTokens
