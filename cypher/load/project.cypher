MERGE (n:Project {id: $id})
SET n.name = $name, n.aliases = $aliases, n.cncf = $cncf, n.maturity = $maturity, n.homepage = $homepage,
    n.description = $description, n.reference = $reference, n.searchText = $searchText
