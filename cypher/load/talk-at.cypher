UNWIND $rows AS row
WITH row WHERE row.from <> ''
MERGE (a:Talk {id: row.from})
MERGE (b:Edition {id: row.to})
MERGE (a)-[r:AT]->(b)
SET r.sources = row.sources, r.reference = row.reference
