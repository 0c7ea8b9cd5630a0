MATCH (c:Company)
WHERE ($nameContains IS NULL OR c.searchText CONTAINS $nameContains)
  AND ($editionId IS NULL OR EXISTS { MATCH (c)-[:PRESENTED]->(:Talk)-[:AT]->(:Edition {id: $editionId}) })
RETURN count(c) AS count
