// Query.companyProjectLinksConnection.totalCount: how many links the scope and
// filters of analyst/company-project-links give (keep the two in step).
MATCH (l:Link)
WHERE l.scope = $scope
  AND ($companyId IS NULL OR l.companyId = $companyId)
  AND ($projectId IS NULL OR l.projectId = $projectId)
RETURN count(l) AS count
