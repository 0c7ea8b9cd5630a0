// Kuzu needs every table and property typed up front. Relationship tables list
// every (from, to) pair they connect; every relationship carries its provenance
// (`sources`: "articleId#locator" strings, `reference`: a note for public data)
// so a path step can cite its sources whatever its type.
CREATE NODE TABLE IF NOT EXISTS Edition(id STRING, name STRING, aliases STRING[], year INT64, region STRING, format STRING, city STRING, country STRING, startDate DATE, endDate DATE, attendees INT64, sources STRING[], reference STRING, searchText STRING, talkCount INT64, speakerCount INT64, companyCount INT64, projectCount INT64, announcementCount INT64, newestRank INT64, searchTokens STRING, companyRows STRING, PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Article(id STRING, title STRING, language STRING, authors STRING[], url STRING, publishedOn DATE, covers STRING, series STRING, seed STRING, searchText STRING, searchTokens STRING, PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Talk(id STRING, title STRING, originalTitle STRING, kind STRING, day DATE, colocatedEvent STRING, summary STRING, sources STRING[], searchText STRING, newestKey STRING, oldestKey STRING, titleKey STRING, editionId STRING, searchTokens STRING, participantRows STRING, projectRows STRING, companyRows STRING, PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Person(id STRING, name STRING, aliases STRING[], searchText STRING, searchTokens STRING, PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Company(id STRING, name STRING, aliases STRING[], homepage STRING, reference STRING, searchText STRING, searchTokens STRING, projectRows STRING, PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Project(id STRING, name STRING, aliases STRING[], cncf BOOLEAN, maturity STRING, homepage STRING, description STRING, reference STRING, searchText STRING, searchTokens STRING, companyRows STRING, PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Announcement(id STRING, kind STRING, description STRING, maturity STRING, version STRING, sources STRING[], searchText STRING, searchTokens STRING, PRIMARY KEY(id));
CREATE NODE TABLE IF NOT EXISTS Figure(id STRING, label STRING, value DOUBLE, unit STRING, sources STRING[], PRIMARY KEY(id));
// Stores created before the talk sort keys and the editions' stored counts and
// ranks (issue #9) gain their columns here; the service fills them at start
// (src/load/backfill.ts). Appended, as in the tables above.
ALTER TABLE Talk ADD IF NOT EXISTS newestKey STRING;
ALTER TABLE Talk ADD IF NOT EXISTS oldestKey STRING;
ALTER TABLE Talk ADD IF NOT EXISTS titleKey STRING;
ALTER TABLE Talk ADD IF NOT EXISTS editionId STRING;
ALTER TABLE Talk ADD IF NOT EXISTS participantRows STRING;
ALTER TABLE Talk ADD IF NOT EXISTS projectRows STRING;
ALTER TABLE Talk ADD IF NOT EXISTS companyRows STRING;
ALTER TABLE Edition ADD IF NOT EXISTS talkCount INT64;
ALTER TABLE Edition ADD IF NOT EXISTS speakerCount INT64;
ALTER TABLE Edition ADD IF NOT EXISTS companyCount INT64;
ALTER TABLE Edition ADD IF NOT EXISTS projectCount INT64;
ALTER TABLE Edition ADD IF NOT EXISTS announcementCount INT64;
ALTER TABLE Edition ADD IF NOT EXISTS newestRank INT64;
// Stores created before the index words (src/search/tokens.ts) gain them here, and at start
// from their search texts (src/load/backfill.ts).
ALTER TABLE Edition ADD IF NOT EXISTS searchTokens STRING;
ALTER TABLE Article ADD IF NOT EXISTS searchTokens STRING;
ALTER TABLE Talk ADD IF NOT EXISTS searchTokens STRING;
ALTER TABLE Person ADD IF NOT EXISTS searchTokens STRING;
ALTER TABLE Company ADD IF NOT EXISTS searchTokens STRING;
ALTER TABLE Project ADD IF NOT EXISTS searchTokens STRING;
ALTER TABLE Announcement ADD IF NOT EXISTS searchTokens STRING;
// Stores created before the projects' and companies' cards (src/load/plan/cards.ts) gain
// them here, and at start (src/load/backfill.ts). After the index words: the tables above
// end with the same columns in the same order.
ALTER TABLE Project ADD IF NOT EXISTS companyRows STRING;
ALTER TABLE Company ADD IF NOT EXISTS projectRows STRING;
ALTER TABLE Edition ADD IF NOT EXISTS companyRows STRING;
// Company–project link summaries per scope (src/load/plan/links.ts): no relationships, never in paths.
CREATE NODE TABLE IF NOT EXISTS Link(id STRING, scope STRING, companyId STRING, companyName STRING, projectId STRING, projectName STRING, talks STRING[], announcements STRING[], backing STRING[], weight INT64, rank INT64, PRIMARY KEY(id));
// The talks' stored first pages, one JSON text per talk (src/load/heads.ts). Stores
// whose pages held parallel lists (ids, titles…) gain the talks column; those lists
// are no longer read.
CREATE NODE TABLE IF NOT EXISTS TalkPage(id STRING, stamp STRING, total INT64, talks STRING[], PRIMARY KEY(id));
ALTER TABLE TalkPage ADD IF NOT EXISTS talks STRING[];
// The facts of the link matrix's first page, one JSON text per link (src/load/link-heads.ts).
CREATE NODE TABLE IF NOT EXISTS LinkFactsPage(id STRING, stamp STRING, facts STRING[], PRIMARY KEY(id));
// Each scope's links in rank order, 200 to a page, as one JSON text (src/store/link-pages.ts):
// a page of the matrix is one primary-key lookup instead of a scan of every link
// (src/load/plan/links.ts). Stores whose pages held parallel lists gain the text and rewrite
// their pages at start; the lists stay, unread: a checkpoint after updates to a table that had
// a column dropped crashes Kuzu 0.11.3 (see the README's traps), and the bulk load names the
// columns it copies (src/store/kuzu/bulk.ts).
CREATE NODE TABLE IF NOT EXISTS LinkPage(id STRING, scope STRING, links STRING, PRIMARY KEY(id));
ALTER TABLE LinkPage ADD IF NOT EXISTS links STRING;
// One node, rewritten by every completed load (src/load/stamp.ts): how a service notices
// another process's load of a shared store.
CREATE NODE TABLE IF NOT EXISTS LoadStamp(id STRING, stamp STRING, derived STRING, PRIMARY KEY(id));
// Stores created before the derivation stamp (cypher/load/stamp.cypher) gain it here.
ALTER TABLE LoadStamp ADD IF NOT EXISTS derived STRING;
CREATE REL TABLE IF NOT EXISTS AT(FROM Talk TO Edition, FROM Announcement TO Edition, FROM Figure TO Edition, sources STRING[], reference STRING);
CREATE REL TABLE IF NOT EXISTS PRESENTED(FROM Person TO Talk, FROM Company TO Talk, role STRING, via STRING, sources STRING[], reference STRING);
CREATE REL TABLE IF NOT EXISTS AFFILIATED_WITH(FROM Person TO Company, jobTitle STRING, editionId STRING, sources STRING[], reference STRING);
CREATE REL TABLE IF NOT EXISTS MENTIONS(FROM Talk TO Project, FROM Talk TO Company, FROM Article TO Project, FROM Article TO Company, FROM Article TO Person, sources STRING[], reference STRING);
CREATE REL TABLE IF NOT EXISTS COVERS(FROM Article TO Edition, sources STRING[], reference STRING);
CREATE REL TABLE IF NOT EXISTS PUBLISHED_BY(FROM Article TO Company, sources STRING[], reference STRING);
CREATE REL TABLE IF NOT EXISTS WROTE(FROM Person TO Article, sources STRING[], reference STRING);
CREATE REL TABLE IF NOT EXISTS BACKS(FROM Company TO Project, kind STRING, sources STRING[], reference STRING);
CREATE REL TABLE IF NOT EXISTS SPONSORED(FROM Company TO Edition, tier STRING, booth STRING, sources STRING[], reference STRING);
CREATE REL TABLE IF NOT EXISTS ABOUT(FROM Announcement TO Project, FROM Announcement TO Company, sources STRING[], reference STRING);
