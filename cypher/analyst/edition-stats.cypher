// Query.editionStats: distinct counts per edition, newest first.
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
RETURN e AS node, talks, speakers, companies, projects, count(DISTINCT a) AS announcements
ORDER BY node.year DESC, node.startDate DESC, node.name, node.id
