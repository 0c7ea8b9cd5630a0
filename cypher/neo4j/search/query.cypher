// Candidates for Query.search from the recap_tokens full-text index: any of the words in $q
// (spelled as the index holds them, src/search/tokens.ts).
// Ranking happens in src/search/rank.ts so both engines order hits the same way.
// The best $k hits of each label, as Kuzu's override takes the top $k of each table's
// index: one cut over all labels (`{limit: $k}`) let the kinds with the highest index
// scores crowd out the others, and `search(types: …)`, which filters the candidates
// afterwards (src/graphql/resolvers/analyst.ts), then missed hits Kuzu found. So the
// index is read without a limit and cut per label here (each searchable node has one
// label); ties on score are broken by id.
// Each hit brings its label, in the order labelText (src/graphql/resolvers/shared.ts)
// reads it, so a search that does not ask for the hits' nodes loads none.
CALL db.index.fulltext.queryNodes('recap_tokens', $q) YIELD node, score
WITH node, score
ORDER BY score DESC, node.id
WITH head(labels(node)) AS kind, collect({node: node, score: score}) AS hits
UNWIND hits[..$k] AS hit
WITH hit.node AS node, hit.score AS score
RETURN node.id AS id, node.searchText AS text, score,
       coalesce(node.name, node.title, node.description, node.id) AS label
