MERGE (n:Article {id: $id})
SET n.title = $title, n.language = $language, n.authors = $authors, n.url = $url,
    n.publishedOn = date($publishedOn), n.covers = $covers, n.series = $series, n.seed = $seed,
    n.searchText = $searchText
