UNWIND $rows AS row
WITH row WHERE row.from <> ''
MERGE (a:Article {id: row.from})
MERGE (b:Project {id: row.to})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sources = row.sources, r.reference = row.reference
