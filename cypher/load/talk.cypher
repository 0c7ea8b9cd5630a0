MERGE (n:Talk {id: $id})
SET n.title = $title, n.originalTitle = $originalTitle, n.kind = $kind, n.day = date($day),
    n.colocatedEvent = $colocatedEvent, n.summary = $summary, n.sources = $sources,
    n.searchText = $searchText
