// Talk.speakers / Talk.participants when the query also asks for the people's
// companies or affiliations, but no affiliation's edition beyond its id
// (look-ahead, src/graphql/resolvers/talk.ts): each participant repeated per
// affiliation of the person at any edition, with the talk's edition id. The loader
// works out each participant's company at the talk's edition from those rows and
// primes person/companies and person/affiliations, so this statement needs no join
// on editions: half the time of talk/participants-people at 1× and at 1000×.
MATCH (p:Person)-[r:PRESENTED]->(t:Talk)
WHERE t.id >= $idsFrom AND t.id <= $idsTo AND t.id IN $ids
OPTIONAL MATCH (p)-[a:AFFILIATED_WITH]->(c:Company)
RETURN t.id AS key, t.editionId AS editionId, p AS node, r AS rel, a AS affiliation, c AS affiliationCompany
ORDER BY key, r.role, toLower(node.name), node.id
