// Talk.speakers / Talk.participants when the query also asks for the speakers'
// affiliations with their editions beyond the id (look-ahead,
// src/graphql/resolvers/talk.ts; talk/participants-companies serves the rest): the
// participants of talk/participants.cypher, each row repeated per affiliation of
// the person at any edition, with that affiliation's company and edition, so
// person/companies and person/affiliations are primed from the same statement.
MATCH (p:Person)-[r:PRESENTED]->(t:Talk)
WHERE t.id >= $idsFrom AND t.id <= $idsTo AND t.id IN $ids
OPTIONAL MATCH (p)-[a:AFFILIATED_WITH]->(c:Company)
WHERE a.editionId = t.editionId
OPTIONAL MATCH (p)-[a2:AFFILIATED_WITH]->(c2:Company)
OPTIONAL MATCH (e2:Edition)
WHERE e2.id = a2.editionId
RETURN t.id AS key, p AS node, r AS rel, c AS company, a.jobTitle AS jobTitle,
       a2 AS affiliation, c2 AS affiliationCompany, e2 AS affiliationEdition
ORDER BY key, r.role, toLower(node.name)
