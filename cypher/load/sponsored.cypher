// A company sponsored or exhibited at an edition; tier and booth when a source gives them.
UNWIND $rows AS row
WITH row WHERE row.from <> ''
MERGE (a:Company {id: row.from})
MERGE (b:Edition {id: row.to})
MERGE (a)-[r:SPONSORED]->(b)
SET r.tier = row.tier, r.booth = row.booth, r.sources = row.sources, r.reference = row.reference
