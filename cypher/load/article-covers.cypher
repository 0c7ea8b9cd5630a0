MATCH (a:Article {id: $from})
MATCH (b:Edition {id: $to})
MERGE (a)-[r:COVERS]->(b)
SET r.sources = $sources, r.reference = $reference
