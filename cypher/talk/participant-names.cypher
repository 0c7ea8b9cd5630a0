// Talk.speakers / Talk.participants when the people and their companies are asked
// only for ids and names (look-ahead, src/graphql/resolvers/talk.ts):
// talk/participants-companies.cypher returning those properties alone, half its
// time at 1× and two thirds at 1000× (Kuzu reads a whole column for each property
// a query returns). The loader works out each participant's company at the talk's
// edition from these rows, as for that statement, and primes person/company-names.
MATCH (p:Person)-[r:PRESENTED]->(t:Talk)
WHERE t.id >= $idsFrom AND t.id <= $idsTo AND t.id IN $ids
OPTIONAL MATCH (p)-[a:AFFILIATED_WITH]->(c:Company)
RETURN t.id AS key, t.editionId AS editionId, p.id AS id, p.name AS name, r.role AS role,
       a.editionId AS affiliationEdition, c.id AS companyId, c.name AS companyName
ORDER BY key, role, toLower(name), id
