// Kuzu's FTS extension (statically linked in 0.11.3) indexes one table at a time.
// The adapter runs only the statements whose index does not exist yet (see search/index-names).
CALL CREATE_FTS_INDEX('Edition', 'edition_search', ['searchText']);
CALL CREATE_FTS_INDEX('Article', 'article_search', ['searchText']);
CALL CREATE_FTS_INDEX('Talk', 'talk_search', ['searchText']);
CALL CREATE_FTS_INDEX('Person', 'person_search', ['searchText']);
CALL CREATE_FTS_INDEX('Company', 'company_search', ['searchText']);
CALL CREATE_FTS_INDEX('Project', 'project_search', ['searchText']);
CALL CREATE_FTS_INDEX('Announcement', 'announcement_search', ['searchText']);
