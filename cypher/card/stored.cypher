// Every talk's card as stored, to compare with those of the graph (src/load/recard.ts):
// the columns cypher/load/talk-card.cypher writes.
MATCH (t:Talk)
RETURN t.id AS id, t.participantRows AS participantRows, t.projectRows AS projectRows, t.companyRows AS companyRows
