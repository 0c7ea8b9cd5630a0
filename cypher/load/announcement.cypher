MERGE (n:Announcement {id: $id})
SET n.kind = $kind, n.description = $description, n.maturity = $maturity, n.version = $version,
    n.sources = $sources, n.searchText = $searchText
