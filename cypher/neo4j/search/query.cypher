// Candidates for Query.search from the recap_search full-text index: any of the words in $q.
// Ranking happens in src/search/rank.ts so both engines order hits the same way.
// Each hit brings its label, in the order labelText (src/graphql/resolvers/shared.ts)
// reads it, so a search that does not ask for the hits' nodes loads none.
CALL db.index.fulltext.queryNodes('recap_search', $q, {limit: $k}) YIELD node, score
RETURN node.id AS id, node.searchText AS text, score,
       coalesce(node.name, node.title, node.description, node.id) AS label
