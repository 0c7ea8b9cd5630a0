// Every link summary as stored, to compare with those of the graph (src/load/relink.ts):
// the columns cypher/load/link.cypher writes.
MATCH (l:Link)
RETURN l.id AS id, l.scope AS scope, l.companyId AS companyId, l.companyName AS companyName,
       l.projectId AS projectId, l.projectName AS projectName, l.talks AS talks,
       l.announcements AS announcements, l.backing AS backing, l.weight AS weight, l.rank AS rank
