UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:Project {id: row.id})
SET n.name = row.name, n.aliases = row.aliases, n.cncf = row.cncf, n.maturity = row.maturity, n.homepage = row.homepage,
    n.description = row.description, n.reference = row.reference, n.searchText = row.searchText, n.searchTokens = row.searchTokens
