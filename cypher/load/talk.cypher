UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:Talk {id: row.id})
SET n.title = row.title, n.originalTitle = row.originalTitle, n.kind = row.kind, n.day = date(row.day),
    n.colocatedEvent = row.colocatedEvent, n.summary = row.summary, n.sources = row.sources,
    n.searchText = row.searchText, n.searchTokens = row.searchTokens, n.newestKey = row.newestKey, n.oldestKey = row.oldestKey,
    n.titleKey = row.titleKey, n.editionId = row.editionId
