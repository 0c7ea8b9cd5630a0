// Everyone on stage, with their affiliation at the talk's own edition (people move between editions).
// The edition is the id the talk stores: joining the Edition node for it cost a third of
// the statement at 1× (2.8 against 1.8 ms).
MATCH (p:Person)-[r:PRESENTED]->(t:Talk)
WHERE t.id >= $idsFrom AND t.id <= $idsTo AND t.id IN $ids
OPTIONAL MATCH (p)-[a:AFFILIATED_WITH]->(c:Company)
WHERE a.editionId = t.editionId
RETURN t.id AS key, p AS node, r AS rel, c AS company, a.jobTitle AS jobTitle
ORDER BY key, r.role, toLower(node.name), node.id, company.id
