MATCH (a:Company {id: $from}), (b:Project {id: $to})
MERGE (a)-[r:BACKS {kind: $kind}]->(b)
SET r.sources = $sources, r.reference = $reference
