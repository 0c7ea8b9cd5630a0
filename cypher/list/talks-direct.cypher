// Query.talks when no relationship filter (speakerId, companyId, projectId) is
// set: one page of talks matching the talk's own filters (null fields match
// all), each with its edition (primes Talk.edition: no round trip of its own).
// The repository picks this query or a sibling by filter (talkList in
// src/store/repository.ts); on Kuzu an unset `$x IS NULL OR EXISTS { … }`
// still costs its subquery for every talk, so none is written here.
// $sort (TalkOrder) picks one of the stored sort keys (src/load/sort-keys.ts);
// Cypher cannot bind ORDER BY itself, and Kuzu cannot parse a parameter named
// $order (a keyword). The edition filter reads the talk's stored edition id,
// and editions are matched after the cut: Kuzu reads every column of every
// joined row before it cuts, so joining each talk to its edition first cost
// most of the page (at 1000×: 101 → 32 ms). That match need not keep the kept
// rows' order, so they are ordered again (the keys are unique).
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
RETURN t AS node, edition AS edition
ORDER BY sortKey
