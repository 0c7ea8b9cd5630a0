UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:Announcement {id: row.id})
SET n.kind = row.kind, n.description = row.description, n.maturity = row.maturity, n.version = row.version,
    n.sources = row.sources, n.searchText = row.searchText, n.searchTokens = row.searchTokens
