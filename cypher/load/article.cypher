UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:Article {id: row.id})
SET n.title = row.title, n.language = row.language, n.authors = row.authors, n.url = row.url,
    n.publishedOn = date(row.publishedOn), n.covers = row.covers, n.series = row.series, n.seed = row.seed,
    n.searchText = row.searchText, n.searchTokens = row.searchTokens
