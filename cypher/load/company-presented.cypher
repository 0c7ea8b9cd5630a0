UNWIND $rows AS row
WITH row WHERE row.from <> ''
MERGE (a:Company {id: row.from})
MERGE (b:Talk {id: row.to})
MERGE (a)-[r:PRESENTED]->(b)
SET r.sources = row.sources, r.reference = row.reference, r.via = row.via
