MATCH (a:Company {id: $from})
MATCH (b:Project {id: $to})
MERGE (a)-[r:BACKS {kind: $kind}]->(b)
SET r.sources = $sources, r.reference = $reference
