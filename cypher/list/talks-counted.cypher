// Query.talks when totalCount is asked for too (look-ahead): the page of
// list/talks.cypher and the filtered count in one statement. The filter is
// written twice; the page is cut and collected before the count, which is
// cheaper on Kuzu than counting first (at 1000×, with list/talks-direct-counted:
// 130 → 40 ms). Every row carries the total (no row: the resolver counts with
// list/talks-count.cypher).
MATCH (t:Talk)
WHERE ($editionId IS NULL OR t.editionId = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
  AND ($speakerId IS NULL OR EXISTS { MATCH (:Person {id: $speakerId})-[:PRESENTED]->(t) })
  AND ($companyId IS NULL OR EXISTS { MATCH (:Company {id: $companyId})-[:PRESENTED]->(t) })
  AND ($projectId IS NULL OR EXISTS { MATCH (t)-[:MENTIONS]->(:Project {id: $projectId}) })
WITH t, CASE WHEN $sort = 'TITLE' THEN t.titleKey WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE t.newestKey END AS sortKey
ORDER BY sortKey
SKIP $skip
LIMIT $limit
MATCH (edition:Edition)
WHERE edition.id = t.editionId
WITH collect({node: t, edition: edition, sortKey: sortKey}) AS kept
MATCH (t0:Talk)
WHERE ($editionId IS NULL OR t0.editionId = $editionId)
  AND ($kind IS NULL OR t0.kind = $kind)
  AND ($titleContains IS NULL OR t0.searchText CONTAINS $titleContains)
  AND ($speakerId IS NULL OR EXISTS { MATCH (:Person {id: $speakerId})-[:PRESENTED]->(t0) })
  AND ($companyId IS NULL OR EXISTS { MATCH (:Company {id: $companyId})-[:PRESENTED]->(t0) })
  AND ($projectId IS NULL OR EXISTS { MATCH (t0)-[:MENTIONS]->(:Project {id: $projectId}) })
WITH kept, count(*) AS total
UNWIND kept AS row
RETURN row.node AS node, row.edition AS edition, total
ORDER BY row.sortKey
