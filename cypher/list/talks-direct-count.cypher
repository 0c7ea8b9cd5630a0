// Query.talks' totalCount when the page did not bring it, with no relationship
// filter set (see list/talks-direct.cypher).
MATCH (t:Talk)
WHERE ($editionId IS NULL OR t.editionId = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
RETURN count(*) AS count
