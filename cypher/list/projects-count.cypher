MATCH (p:Project)
WHERE ($nameContains IS NULL OR p.searchText CONTAINS $nameContains)
  AND ($maturity IS NULL OR p.maturity = $maturity)
  AND ($cncf IS NULL OR p.cncf = $cncf)
  AND ($editionId IS NULL OR EXISTS { MATCH (p)<-[:MENTIONS|ABOUT]-()-[:AT]->(:Edition {id: $editionId}) })
RETURN count(p) AS count
