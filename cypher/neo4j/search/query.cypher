// Candidates for Query.search: each searchable label's full-text index (schema.cypher), any
// of the words in $q (spelled as the indexes hold them, src/search/tokens.ts), the best $k
// hits of each, as Kuzu's override takes the top $k of each table's index. Ranking happens in
// src/search/rank.ts so both engines order hits the same way. One index over every label, read
// whole and cut per label here, sorted all its hits first: at 1000× a common word had 25,000
// (123 ms over HTTP against 11 ms at 1×); Lucene keeps the best $k of each as it reads. Hits
// tied on score at the cut are kept in Lucene's own order, as Kuzu keeps its own.
// Each hit brings its label (SearchHit.label: the name, title or description, as labelText in
// src/graphql/resolvers/shared.ts), so a search that does not ask for the hits' nodes loads none.
CALL db.index.fulltext.queryNodes('edition_tokens', $q, {limit: $k}) YIELD node, score
RETURN node.id AS id, node.searchText AS text, score, node.name AS label
UNION ALL
CALL db.index.fulltext.queryNodes('article_tokens', $q, {limit: $k}) YIELD node, score
RETURN node.id AS id, node.searchText AS text, score, node.title AS label
UNION ALL
CALL db.index.fulltext.queryNodes('talk_tokens', $q, {limit: $k}) YIELD node, score
RETURN node.id AS id, node.searchText AS text, score, node.title AS label
UNION ALL
CALL db.index.fulltext.queryNodes('person_tokens', $q, {limit: $k}) YIELD node, score
RETURN node.id AS id, node.searchText AS text, score, node.name AS label
UNION ALL
CALL db.index.fulltext.queryNodes('company_tokens', $q, {limit: $k}) YIELD node, score
RETURN node.id AS id, node.searchText AS text, score, node.name AS label
UNION ALL
CALL db.index.fulltext.queryNodes('project_tokens', $q, {limit: $k}) YIELD node, score
RETURN node.id AS id, node.searchText AS text, score, node.name AS label
UNION ALL
CALL db.index.fulltext.queryNodes('announcement_tokens', $q, {limit: $k}) YIELD node, score
RETURN node.id AS id, node.searchText AS text, score, node.description AS label
