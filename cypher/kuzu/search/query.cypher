// Candidates for Query.search: every searchable table's FTS index, any of the words in $q.
// Ranking happens in src/search/rank.ts so both engines order hits the same way.
// Each hit brings its label (SearchHit.label: the name, title or description, as
// labelText in src/graphql/resolvers/shared.ts), so a search that does not ask for
// the hits' nodes loads none.
CALL QUERY_FTS_INDEX('Edition', 'edition_search', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.name AS label
UNION ALL
CALL QUERY_FTS_INDEX('Article', 'article_search', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.title AS label
UNION ALL
CALL QUERY_FTS_INDEX('Talk', 'talk_search', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.title AS label
UNION ALL
CALL QUERY_FTS_INDEX('Person', 'person_search', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.name AS label
UNION ALL
CALL QUERY_FTS_INDEX('Company', 'company_search', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.name AS label
UNION ALL
CALL QUERY_FTS_INDEX('Project', 'project_search', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.name AS label
UNION ALL
CALL QUERY_FTS_INDEX('Announcement', 'announcement_search', $q, conjunctive := false, top := $k)
RETURN node.id AS id, node.searchText AS text, score, node.description AS label
