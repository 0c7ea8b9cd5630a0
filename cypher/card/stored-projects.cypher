// Every project's card as stored, to compare with those of the graph (src/load/recard.ts).
MATCH (p:Project)
RETURN p.id AS id, p.companyRows AS companyRows
