// Query.companyProjectLinks and companyProjectLinksConnection: one page of
// company–project links of one scope (an edition id, or '*' for every edition),
// strongest first, ranked and cut in the database. The loader derives one Link
// summary per (scope, company, project) with its weight and its rank in that
// scope — weight descending, then lower-cased company and project names, then
// ids (src/load/plan/links.ts) — so a page reads one scope in rank order
// instead of weighing every company against every project. The summary's stored
// names come along: a page that asks only the ends' names needs no other statement.
MATCH (l:Link)
WHERE l.scope = $scope
  AND ($companyId IS NULL OR l.companyId = $companyId)
  AND ($projectId IS NULL OR l.projectId = $projectId)
RETURN l.companyId AS company, l.projectId AS project, l.weight AS weight,
  l.companyName AS companyName, l.projectName AS projectName
ORDER BY l.rank, l.id
SKIP $skip
LIMIT $limit
