// Query.talks with no filter and no Talk.edition asked for: one page of talks in
// the order of their stored sort key (src/load/sort-keys.ts), a top-k over one
// column. Without the filters and the join to Edition that list/talks.cypher
// needs, Kuzu no longer evaluates both for every talk (issue #9: at 1000× data,
// 20 ms instead of 210 ms).
MATCH (t:Talk)
RETURN t AS node
ORDER BY CASE WHEN $sort = 'TITLE' THEN t.titleKey WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE t.newestKey END
SKIP $skip
LIMIT $limit
