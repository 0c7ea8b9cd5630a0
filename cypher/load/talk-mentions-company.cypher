MATCH (a:Talk {id: $from})
MATCH (b:Company {id: $to})
MERGE (a)-[r:MENTIONS]->(b)
SET r.sources = $sources, r.reference = $reference
