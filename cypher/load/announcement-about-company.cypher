UNWIND $rows AS row
WITH row WHERE row.from <> ''
MERGE (a:Announcement {id: row.from})
MERGE (b:Company {id: row.to})
MERGE (a)-[r:ABOUT]->(b)
SET r.sources = row.sources, r.reference = row.reference
