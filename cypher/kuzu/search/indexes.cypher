// Kuzu's FTS extension (statically linked in 0.11.3) indexes one table at a time.
// Each indexes the table's searchTokens: the service's own words spelled in letters
// only, which Kuzu's analyser neither drops nor splits (src/search/tokens.ts).
// The adapter runs only the statements whose index does not exist yet (see search/index-names).
CALL CREATE_FTS_INDEX('Edition', 'edition_tokens', ['searchTokens']);
CALL CREATE_FTS_INDEX('Article', 'article_tokens', ['searchTokens']);
CALL CREATE_FTS_INDEX('Talk', 'talk_tokens', ['searchTokens']);
CALL CREATE_FTS_INDEX('Person', 'person_tokens', ['searchTokens']);
CALL CREATE_FTS_INDEX('Company', 'company_tokens', ['searchTokens']);
CALL CREATE_FTS_INDEX('Project', 'project_tokens', ['searchTokens']);
CALL CREATE_FTS_INDEX('Announcement', 'announcement_tokens', ['searchTokens']);
