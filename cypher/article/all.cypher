// Query.articles: every article, by the year of the edition it covers, then
// title; the `first` of them when asked (the resolver passes 2^31 - 1 otherwise).
MATCH (a:Article)-[:COVERS]->(e:Edition)
RETURN a AS node
ORDER BY e.year, node.title, node.id
LIMIT $first
