MERGE (n:Company {id: $id})
SET n.name = $name, n.aliases = $aliases, n.homepage = $homepage, n.reference = $reference,
    n.searchText = $searchText
