// Sets the search fields of existing articles (src/load/backfill.ts): their index
// words from the stored text, or both, derived again from their properties.
UNWIND $rows AS row
MATCH (n:Article {id: row.id})
SET n.searchText = row.searchText, n.searchTokens = row.searchTokens
