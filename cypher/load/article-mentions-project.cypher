MATCH (a:Article {id: $from})
MATCH (b:Project {id: $to})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sources = $sources, r.reference = $reference
