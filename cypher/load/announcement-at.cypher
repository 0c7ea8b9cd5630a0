MATCH (a:Announcement {id: $from})
MATCH (b:Edition {id: $to})
MERGE (a)-[r:AT]->(b)
SET r.sources = $sources, r.reference = $reference
