// Query.projectTimeline: per edition where the project was discussed or
// announced, its talks, its announcements and the maturity levels they report.
MATCH (e:Edition)
WHERE EXISTS { MATCH (e)<-[:AT]-()-[:MENTIONS|ABOUT]->(:Project {id: $projectId}) }
OPTIONAL MATCH (e)<-[:AT]-(t:Talk)-[:MENTIONS]->(:Project {id: $projectId})
WITH e, collect(DISTINCT t.id) AS talks
OPTIONAL MATCH (e)<-[:AT]-(a:Announcement)-[:ABOUT]->(:Project {id: $projectId})
// Both collects DISTINCT: Kuzu 0.11.3 returns null for a plain collect() beside a DISTINCT one.
RETURN e.id AS edition, e.year AS year, talks, collect(DISTINCT a.id) AS announcements,
       collect(DISTINCT a.maturity) AS maturities
ORDER BY year, edition
