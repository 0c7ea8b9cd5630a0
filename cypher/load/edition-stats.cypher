// The distinct counts behind Query.editionStats, stored on every edition at the
// end of each load (src/load/load.ts) and at start for a store written before
// them (src/load/backfill.ts): counted here, a whole-graph aggregation runs once
// per load instead of once per request (1000× data: 2.4 s).
// Each two-hop count is two OPTIONAL MATCHes, edition to talk then talk to
// presenter: Kuzu 0.11.3 plans the one-pattern form `(s)-[:PRESENTED]->(:Talk)
// -[:AT]->(e)` as a join over every presentation, 1.9 s per count at 1000×
// against 0.1 s; the whole statement went from 6.3 s to 0.7 s, same rows.
MATCH (e:Edition)
OPTIONAL MATCH (t:Talk)-[:AT]->(e)
WITH e, count(DISTINCT t) AS talks
OPTIONAL MATCH (t:Talk)-[:AT]->(e)
OPTIONAL MATCH (s:Person)-[:PRESENTED]->(t)
WITH e, talks, count(DISTINCT s) AS speakers
OPTIONAL MATCH (t:Talk)-[:AT]->(e)
OPTIONAL MATCH (c:Company)-[:PRESENTED]->(t)
WITH e, talks, speakers, count(DISTINCT c) AS companies
OPTIONAL MATCH (x)-[:AT]->(e)
OPTIONAL MATCH (p:Project)<-[:MENTIONS|ABOUT]-(x)
WITH e, talks, speakers, companies, count(DISTINCT p) AS projects
OPTIONAL MATCH (a:Announcement)-[:AT]->(e)
WITH e, talks, speakers, companies, projects, count(DISTINCT a) AS announcements
SET e.talkCount = talks, e.speakerCount = speakers, e.companyCount = companies,
    e.projectCount = projects, e.announcementCount = announcements
