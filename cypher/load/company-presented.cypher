MATCH (a:Company {id: $from}), (b:Talk {id: $to})
MERGE (a)-[r:PRESENTED]->(b)
SET r.sources = $sources, r.reference = $reference, r.via = $via
