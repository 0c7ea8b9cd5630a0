// Query.talks with no filter and no Talk.edition asked for: one page of talks in
// the order of their stored sort key (src/load/sort-keys.ts), a top-k over one
// column, with no filter to test and no edition to match (issue #9: at 1000×
// data, 20 ms where the filtered, joined page took 210 ms).
MATCH (t:Talk)
RETURN t AS node
// $sort (TalkOrder) keeps one of these keys: the others are guard lines pruned away (store/queries.ts).
ORDER BY coalesce(
  CASE WHEN $sort = 'NEWEST' THEN t.newestKey ELSE NULL END,
  CASE WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE NULL END,
  CASE WHEN $sort = 'TITLE' THEN t.titleKey ELSE NULL END,
  NULL)
SKIP $skip
LIMIT $limit
