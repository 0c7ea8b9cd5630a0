// Every page of link summaries as stored, to compare with those of the graph
// (src/load/relink.ts): the columns cypher/load/link-page.cypher writes.
MATCH (p:LinkPage)
RETURN p.id AS id, p.scope AS scope, p.companyIds AS companyIds, p.companyNames AS companyNames,
       p.projectIds AS projectIds, p.projectNames AS projectNames, p.weights AS weights
