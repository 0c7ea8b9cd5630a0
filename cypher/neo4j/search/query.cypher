// Candidates for Query.search from the recap_search full-text index: any of the words in $q.
// Ranking happens in src/search/rank.ts so both engines order hits the same way.
CALL db.index.fulltext.queryNodes('recap_search', $q, {limit: $k}) YIELD node, score
RETURN node.id AS id, node.searchText AS text, score
