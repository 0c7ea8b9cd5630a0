UNWIND $rows AS row
WITH row WHERE row.from <> ''
MERGE (a:Person {id: row.from})
MERGE (b:Article {id: row.to})
MERGE (a)-[r:WROTE]->(b)
SET r.sources = row.sources, r.reference = row.reference
