// Drops every full-text index, to rebuild them from the tables (search/indexes) when
// they cannot be trusted: Kuzu 0.11.3 replays a committed `SET n.searchText = …`
// from its write-ahead log without updating the FTS index, so after a crash the
// indexes miss what the last unflushed transactions wrote (see src/store/kuzu/engine.ts).
// The adapter runs only the statements whose index exists (see search/index-names).
CALL DROP_FTS_INDEX('Edition', 'edition_search');
CALL DROP_FTS_INDEX('Article', 'article_search');
CALL DROP_FTS_INDEX('Talk', 'talk_search');
CALL DROP_FTS_INDEX('Person', 'person_search');
CALL DROP_FTS_INDEX('Company', 'company_search');
CALL DROP_FTS_INDEX('Project', 'project_search');
CALL DROP_FTS_INDEX('Announcement', 'announcement_search');
