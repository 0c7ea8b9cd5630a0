// companyProjectLinks and companyProjectLinksConnection when the query asks for
// the links' companies or projects (look-ahead, src/graphql/resolvers/analyst.ts):
// the page of analyst/company-project-links.cypher with both nodes, which prime
// the node loaders, so a matrix costs one statement instead of three.
MATCH (l:Link)
WHERE l.scope = $scope
  AND ($companyId IS NULL OR l.companyId = $companyId)
  AND ($projectId IS NULL OR l.projectId = $projectId)
MATCH (c:Company {id: l.companyId})
MATCH (p:Project {id: l.projectId})
RETURN l.companyId AS company, l.projectId AS project, l.weight AS weight, c AS companyNode, p AS projectNode
ORDER BY l.rank, l.id
SKIP $skip
LIMIT $limit
