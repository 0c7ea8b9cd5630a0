MATCH (a:Person {id: $from})
MATCH (b:Article {id: $to})
MERGE (a)-[r:WROTE]->(b)
SET r.sources = $sources, r.reference = $reference
