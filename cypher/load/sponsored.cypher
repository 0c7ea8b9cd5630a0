// A company sponsored or exhibited at an edition; tier and booth when a source gives them.
MATCH (a:Company {id: $from})
MATCH (b:Edition {id: $to})
MERGE (a)-[r:SPONSORED]->(b)
SET r.tier = $tier, r.booth = $booth, r.sources = $sources, r.reference = $reference
