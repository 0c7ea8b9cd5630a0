// Query.speakers: people who presented at least one talk.
MATCH (p:Person)
WHERE EXISTS { MATCH (p)-[:PRESENTED]->(:Talk) }
  AND ($nameContains IS NULL OR p.searchText CONTAINS $nameContains)
  AND ($companyId IS NULL OR EXISTS { MATCH (p)-[:AFFILIATED_WITH]->(:Company {id: $companyId}) })
  AND ($editionId IS NULL OR EXISTS { MATCH (p)-[:PRESENTED]->(:Talk)-[:AT]->(:Edition {id: $editionId}) })
RETURN p AS node
ORDER BY toLower(node.name), node.id
SKIP $skip
LIMIT $limit
