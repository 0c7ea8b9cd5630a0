MATCH (a:Announcement {id: $from})
MATCH (b:Project {id: $to})
MERGE (a)-[r:ABOUT]->(b)
SET r.sources = $sources, r.reference = $reference
