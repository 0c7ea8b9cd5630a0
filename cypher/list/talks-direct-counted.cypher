// list/talks-direct.cypher when totalCount is asked for too (look-ahead): the
// page and the filtered count in one statement. The filter is written twice;
// the page is cut and collected before the count, which is cheaper on Kuzu than
// counting first (at 1000×: 130 → 40 ms). Every row carries the total (no row:
// the resolver counts with list/talks-direct-count.cypher).
MATCH (t:Talk)
WHERE ($editionId IS NULL OR t.editionId = $editionId)
  AND ($kind IS NULL OR t.kind = $kind)
  AND ($titleContains IS NULL OR t.searchText CONTAINS $titleContains)
// $sort (TalkOrder) keeps one of these keys: the others are guard lines pruned away (store/queries.ts).
WITH t, coalesce(
  CASE WHEN $sort = 'NEWEST' THEN t.newestKey ELSE NULL END,
  CASE WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE NULL END,
  CASE WHEN $sort = 'TITLE' THEN t.titleKey ELSE NULL END,
  NULL) AS sortKey
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
WITH kept, count(*) AS total
UNWIND kept AS row
RETURN row.node AS node, row.edition AS edition, total
ORDER BY row.sortKey
