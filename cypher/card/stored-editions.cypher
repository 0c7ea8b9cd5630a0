// Every edition's card as stored, to compare with those of the graph (src/load/recard.ts).
MATCH (e:Edition)
RETURN e.id AS id, e.companyRows AS companyRows
