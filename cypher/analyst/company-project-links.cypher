// Query.companyProjectLinks: the links of one scope (an edition id, or '*' for
// all editions), best first, cut in the database. Summaries and their rank are
// derived by the loader (src/load/plan/links.ts).
MATCH (l:Link)
WHERE l.scope = $scope
  AND ($companyId IS NULL OR l.companyId = $companyId)
  AND ($projectId IS NULL OR l.projectId = $projectId)
RETURN l.companyId AS companyId, l.companyName AS companyName, l.projectId AS projectId,
       l.projectName AS projectName, l.talks AS talks,
       l.announcements AS announcements, l.backing AS backing, l.weight AS weight
ORDER BY l.rank, l.id
LIMIT $first
