// Drops every full-text index, to rebuild them from the tables (search/indexes) when
// they cannot be trusted: Kuzu 0.11.3 replays a committed `SET n.searchTokens = …`
// from its write-ahead log without updating the FTS index, so after a crash the
// indexes miss what the last unflushed transactions wrote (see src/store/kuzu/engine.ts).
// The adapter runs only the statements whose index exists (see search/index-names).
// An index named here that search/indexes no longer declares is retired: the adapter
// drops it at start (the *_search indexes read searchText, before src/search/tokens.ts).
CALL DROP_FTS_INDEX('Edition', 'edition_tokens');
CALL DROP_FTS_INDEX('Article', 'article_tokens');
CALL DROP_FTS_INDEX('Talk', 'talk_tokens');
CALL DROP_FTS_INDEX('Person', 'person_tokens');
CALL DROP_FTS_INDEX('Company', 'company_tokens');
CALL DROP_FTS_INDEX('Project', 'project_tokens');
CALL DROP_FTS_INDEX('Announcement', 'announcement_tokens');
CALL DROP_FTS_INDEX('Edition', 'edition_search');
CALL DROP_FTS_INDEX('Article', 'article_search');
CALL DROP_FTS_INDEX('Talk', 'talk_search');
CALL DROP_FTS_INDEX('Person', 'person_search');
CALL DROP_FTS_INDEX('Company', 'company_search');
CALL DROP_FTS_INDEX('Project', 'project_search');
CALL DROP_FTS_INDEX('Announcement', 'announcement_search');
