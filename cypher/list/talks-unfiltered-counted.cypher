// list/talks-unfiltered.cypher with totalCount asked for too (look-ahead): every
// row carries the number of talks (no row: the resolver counts with
// list/talks-count.cypher).
MATCH (x:Talk)
WITH count(x) AS total
MATCH (t:Talk)
RETURN t AS node, total
ORDER BY CASE WHEN $sort = 'TITLE' THEN t.titleKey WHEN $sort = 'OLDEST' THEN t.oldestKey ELSE t.newestKey END
SKIP $skip
LIMIT $limit
