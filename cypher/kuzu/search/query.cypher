// Candidates for Query.search: every searchable table's FTS index, any of the words in $q
// (spelled as the indexes hold them, src/search/tokens.ts).
// Ranking happens in src/search/rank.ts so both engines order hits the same way.
// Each hit brings its label (SearchHit.label: the name, title or description, as
// labelText in src/graphql/resolvers/shared.ts), so a search that does not ask for
// the hits' nodes loads none.
CALL QUERY_FTS_INDEX('Edition', 'edition_tokens', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.name AS label
UNION ALL
CALL QUERY_FTS_INDEX('Article', 'article_tokens', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.title AS label
UNION ALL
CALL QUERY_FTS_INDEX('Talk', 'talk_tokens', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.title AS label
UNION ALL
CALL QUERY_FTS_INDEX('Person', 'person_tokens', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.name AS label
UNION ALL
CALL QUERY_FTS_INDEX('Company', 'company_tokens', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.name AS label
UNION ALL
CALL QUERY_FTS_INDEX('Project', 'project_tokens', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.name AS label
UNION ALL
CALL QUERY_FTS_INDEX('Announcement', 'announcement_tokens', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.description AS label
