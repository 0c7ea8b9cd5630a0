MATCH (a:Figure {id: $from}), (b:Edition {id: $to})
MERGE (a)-[r:AT]->(b)
SET r.sources = $sources, r.reference = $reference
