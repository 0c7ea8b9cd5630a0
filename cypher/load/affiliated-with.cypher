MATCH (a:Person {id: $from})
MATCH (b:Company {id: $to})
MERGE (a)-[r:AFFILIATED_WITH {editionId: $editionId}]->(b)
SET r.sources = $sources, r.reference = $reference, r.jobTitle = $jobTitle
