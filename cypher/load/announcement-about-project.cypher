MATCH (a:Announcement {id: $from}), (b:Project {id: $to})
MERGE (a)-[r:ABOUT]->(b)
SET r.sources = $sources, r.reference = $reference
