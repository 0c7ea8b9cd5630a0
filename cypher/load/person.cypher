MERGE (n:Person {id: $id})
SET n.name = $name, n.aliases = $aliases, n.searchText = $searchText
