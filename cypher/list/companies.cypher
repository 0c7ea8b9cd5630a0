// Query.companies; with editionId, the companies credited for a talk at that edition.
MATCH (c:Company)
WHERE ($nameContains IS NULL OR c.searchText CONTAINS $nameContains)
  AND ($editionId IS NULL OR EXISTS { MATCH (c)-[:PRESENTED]->(:Talk)-[:AT]->(:Edition {id: $editionId}) })
RETURN c AS node
// $sort (NameOrder): TALKS puts the companies credited for the most talks first.
ORDER BY
  CASE WHEN $sort = 'TALKS' THEN -COUNT { MATCH (c)-[:PRESENTED]->(:Talk) } ELSE 0 END,
  toLower(node.name), node.id
SKIP $skip
LIMIT $limit
