MATCH (a:Company {id: $from})
MATCH (b:Talk {id: $to})
MERGE (a)-[r:PRESENTED]->(b)
SET r.sources = $sources, r.reference = $reference, r.via = $via
