// Pages of each scope's ranked links (src/load/plan/links.ts): one node per
// (scope, page of 200), its links as parallel lists in rank order.
UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:LinkPage {id: row.id})
SET n.scope = row.scope, n.companyIds = row.companyIds, n.companyNames = row.companyNames,
    n.projectIds = row.projectIds, n.projectNames = row.projectNames, n.weights = row.weights
