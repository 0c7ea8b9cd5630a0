UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:Person {id: row.id})
SET n.name = row.name, n.aliases = row.aliases, n.searchText = row.searchText, n.searchTokens = row.searchTokens
