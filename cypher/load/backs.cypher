UNWIND $rows AS row
WITH row WHERE row.from <> ''
MERGE (a:Company {id: row.from})
MERGE (b:Project {id: row.to})
MERGE (a)-[r:BACKS {kind: row.kind}]->(b)
SET r.sources = row.sources, r.reference = row.reference
