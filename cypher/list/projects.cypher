// Query.projects; with editionId, the projects discussed or announced at that edition.
MATCH (p:Project)
WHERE ($nameContains IS NULL OR p.searchText CONTAINS $nameContains)
  AND ($maturity IS NULL OR p.maturity = $maturity)
  AND ($cncf IS NULL OR p.cncf = $cncf)
  AND ($editionId IS NULL OR EXISTS { MATCH (p)<-[:MENTIONS|ABOUT]-()-[:AT]->(:Edition {id: $editionId}) })
RETURN p AS node
// $sort (NameOrder): TALKS puts the projects discussed in the most talks first.
ORDER BY
  CASE WHEN $sort = 'TALKS' THEN -COUNT { MATCH (p)<-[:MENTIONS]-(:Talk) } ELSE 0 END,
  toLower(node.name), node.id
SKIP $skip
LIMIT $limit
