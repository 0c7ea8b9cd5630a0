UNWIND $rows AS row
WITH row WHERE row.from <> ''
MERGE (a:Article {id: row.from})
MERGE (b:Edition {id: row.to})
MERGE (a)-[r:COVERS]->(b)
SET r.sources = row.sources, r.reference = row.reference
