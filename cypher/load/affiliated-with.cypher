UNWIND $rows AS row
WITH row WHERE row.from <> ''
MERGE (a:Person {id: row.from})
MERGE (b:Company {id: row.to})
MERGE (a)-[r:AFFILIATED_WITH {editionId: row.editionId}]->(b)
SET r.sources = row.sources, r.reference = row.reference, r.jobTitle = row.jobTitle
