UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:Edition {id: row.id})
SET n.name = row.name, n.aliases = row.aliases, n.year = row.year, n.region = row.region, n.format = row.format,
    n.city = row.city, n.country = row.country, n.startDate = date(row.startDate), n.endDate = date(row.endDate),
    n.attendees = row.attendees, n.sources = row.sources, n.reference = row.reference, n.searchText = row.searchText, n.searchTokens = row.searchTokens
