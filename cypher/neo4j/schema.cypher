// One uniqueness constraint per label: it is also the index every `{id: $id}` lookup uses.
CREATE CONSTRAINT edition_id IF NOT EXISTS FOR (n:Edition) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT talk_id IF NOT EXISTS FOR (n:Talk) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT announcement_id IF NOT EXISTS FOR (n:Announcement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT link_id IF NOT EXISTS FOR (n:Link) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT link_page_id IF NOT EXISTS FOR (n:LinkPage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT talk_page_id IF NOT EXISTS FOR (n:TalkPage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT link_facts_page_id IF NOT EXISTS FOR (n:LinkFactsPage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT load_stamp_id IF NOT EXISTS FOR (n:LoadStamp) REQUIRE n.id IS UNIQUE;
// Talk pages filter on the talk's stored edition id (cypher/list/talks*.cypher).
CREATE INDEX talk_edition IF NOT EXISTS FOR (n:Talk) ON (n.editionId);
// Talk pages read in the order of the stored sort key they ask (cypher/neo4j/list/talks-*.cypher).
CREATE INDEX talk_newest_key IF NOT EXISTS FOR (n:Talk) ON (n.newestKey);
CREATE INDEX talk_oldest_key IF NOT EXISTS FOR (n:Talk) ON (n.oldestKey);
CREATE INDEX talk_title_key IF NOT EXISTS FOR (n:Talk) ON (n.titleKey);
// Query.editions and editionStats read the editions ranked below $first by their stored rank.
CREATE INDEX edition_newest_rank IF NOT EXISTS FOR (n:Edition) ON (n.newestRank);
// The lists' nameContains and titleContains filters (`searchText CONTAINS $x`): a text
// index answers CONTAINS from its trigrams instead of testing every node of the label.
CREATE TEXT INDEX talk_search_text IF NOT EXISTS FOR (n:Talk) ON (n.searchText);
CREATE TEXT INDEX person_search_text IF NOT EXISTS FOR (n:Person) ON (n.searchText);
CREATE TEXT INDEX company_search_text IF NOT EXISTS FOR (n:Company) ON (n.searchText);
CREATE TEXT INDEX project_search_text IF NOT EXISTS FOR (n:Project) ON (n.searchText);
// companyProjectLinks reads one scope's links in rank order.
CREATE INDEX link_scope_rank IF NOT EXISTS FOR (n:Link) ON (n.scope, n.rank);
// Project.companies and Company.projects read the links of given ends.
CREATE INDEX link_project IF NOT EXISTS FOR (n:Link) ON (n.projectId);
CREATE INDEX link_company IF NOT EXISTS FOR (n:Link) ON (n.companyId);
// One full-text index per searchable label over its index words: the service's own words
// spelled in letters only, named and held as Kuzu's indexes are (src/search/tokens.ts).
// Query.search reads the best $k hits of each (cypher/neo4j/search/query.cypher); one index over
// every label had to hand over and sort all its hits first (a common word at 1000×: 25,000).
// recap_search and recap_tokens were earlier versions' indexes: they are left in place, so
// that instances of those versions sharing this database keep their search through a rolling
// upgrade (README, "Running on Neo4j").
CREATE FULLTEXT INDEX edition_tokens IF NOT EXISTS FOR (n:Edition) ON EACH [n.searchTokens];
CREATE FULLTEXT INDEX article_tokens IF NOT EXISTS FOR (n:Article) ON EACH [n.searchTokens];
CREATE FULLTEXT INDEX talk_tokens IF NOT EXISTS FOR (n:Talk) ON EACH [n.searchTokens];
CREATE FULLTEXT INDEX person_tokens IF NOT EXISTS FOR (n:Person) ON EACH [n.searchTokens];
CREATE FULLTEXT INDEX company_tokens IF NOT EXISTS FOR (n:Company) ON EACH [n.searchTokens];
CREATE FULLTEXT INDEX project_tokens IF NOT EXISTS FOR (n:Project) ON EACH [n.searchTokens];
CREATE FULLTEXT INDEX announcement_tokens IF NOT EXISTS FOR (n:Announcement) ON EACH [n.searchTokens];
// A store an earlier version wrote populates them in the background: wait for them (for them
// alone: other indexes of a shared database are not ours to wait on).
CALL db.awaitIndex('edition_tokens', 300);
CALL db.awaitIndex('article_tokens', 300);
CALL db.awaitIndex('talk_tokens', 300);
CALL db.awaitIndex('person_tokens', 300);
CALL db.awaitIndex('company_tokens', 300);
CALL db.awaitIndex('project_tokens', 300);
CALL db.awaitIndex('announcement_tokens', 300);
