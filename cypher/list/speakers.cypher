// Query.speakers: people who presented at least one talk.
MATCH (p:Person)
WHERE EXISTS { MATCH (p)-[:PRESENTED]->(:Talk) }
  AND ($nameContains IS NULL OR p.searchText CONTAINS $nameContains)
  AND ($companyId IS NULL OR EXISTS { MATCH (p)-[:AFFILIATED_WITH]->(:Company {id: $companyId}) })
  AND ($editionId IS NULL OR EXISTS { MATCH (p)-[:PRESENTED]->(:Talk)-[:AT]->(:Edition {id: $editionId}) })
RETURN p AS node
// $sort (NameOrder): TALKS puts the people with the most talks first.
ORDER BY
  CASE WHEN $sort = 'TALKS' THEN -COUNT { MATCH (p)-[:PRESENTED]->(:Talk) } ELSE 0 END,
  toLower(node.name), node.id
SKIP $skip
LIMIT $limit
