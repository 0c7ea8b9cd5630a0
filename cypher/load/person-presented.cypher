UNWIND $rows AS row
WITH row WHERE row.from <> ''
MERGE (a:Person {id: row.from})
MERGE (b:Talk {id: row.to})
MERGE (a)-[r:PRESENTED]->(b)
SET r.sources = row.sources, r.reference = row.reference, r.role = row.role
