// Sets the search fields of existing editions (src/load/backfill.ts): their index
// words alone from the stored text (no searchText in the row), or both, derived again
// from their properties.
UNWIND $rows AS row
MATCH (n:Edition {id: row.id})
SET n.searchText = coalesce(row.searchText, n.searchText), n.searchTokens = row.searchTokens
