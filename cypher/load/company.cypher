UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:Company {id: row.id})
SET n.name = row.name, n.aliases = row.aliases, n.homepage = row.homepage, n.reference = row.reference,
    n.searchText = row.searchText, n.searchTokens = row.searchTokens
