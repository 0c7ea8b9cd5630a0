MATCH (a:Person {id: $from}), (b:Article {id: $to})
MERGE (a)-[r:WROTE]->(b)
SET r.sources = $sources, r.reference = $reference
