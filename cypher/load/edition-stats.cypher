// The distinct counts behind Query.editionStats, stored on every edition at the
// end of each load (src/load/load.ts) and at start for a store written before
// them (src/load/backfill.ts): counted here, a whole-graph aggregation runs once
// per load instead of once per request (1000× data: 2.4 s).
MATCH (e:Edition)
OPTIONAL MATCH (t:Talk)-[:AT]->(e)
WITH e, count(DISTINCT t) AS talks
OPTIONAL MATCH (s:Person)-[:PRESENTED]->(:Talk)-[:AT]->(e)
WITH e, talks, count(DISTINCT s) AS speakers
OPTIONAL MATCH (c:Company)-[:PRESENTED]->(:Talk)-[:AT]->(e)
WITH e, talks, speakers, count(DISTINCT c) AS companies
OPTIONAL MATCH (p:Project)<-[:MENTIONS|ABOUT]-()-[:AT]->(e)
WITH e, talks, speakers, companies, count(DISTINCT p) AS projects
OPTIONAL MATCH (a:Announcement)-[:AT]->(e)
WITH e, talks, speakers, companies, projects, count(DISTINCT a) AS announcements
SET e.talkCount = talks, e.speakerCount = speakers, e.companyCount = companies,
    e.projectCount = projects, e.announcementCount = announcements
