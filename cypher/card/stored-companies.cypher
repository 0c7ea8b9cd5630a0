// Every company's card as stored, to compare with those of the graph (src/load/recard.ts).
MATCH (c:Company)
RETURN c.id AS id, c.projectRows AS projectRows
