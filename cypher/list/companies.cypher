// Query.companies; with editionId, the companies credited for a talk at that edition.
MATCH (c:Company)
WHERE ($nameContains IS NULL OR c.searchText CONTAINS $nameContains)
  AND ($editionId IS NULL OR EXISTS { MATCH (c)-[:PRESENTED]->(:Talk)-[:AT]->(:Edition {id: $editionId}) })
RETURN c AS node
ORDER BY toLower(node.name), node.id
SKIP $skip
LIMIT $limit
