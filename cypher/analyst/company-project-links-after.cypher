// /export/company-project-links.*: the links of analyst/company-project-links
// (same scope and filters; keep the two in step) with their stored facts, a
// window at a time after the last rank written. A window found by rank, not by
// SKIP: the Kuzu adapter would read every row before it, for every window.
MATCH (l:Link)
WHERE l.scope = $scope
  AND ($companyId IS NULL OR l.companyId = $companyId)
  AND ($projectId IS NULL OR l.projectId = $projectId)
  AND l.rank > $afterRank
RETURN l.companyId AS company, l.projectId AS project, l.weight AS weight,
  l.companyName AS companyName, l.projectName AS projectName, l.rank AS rank,
  l.talks AS talks, l.announcements AS announcements, l.backing AS backing
ORDER BY l.rank
LIMIT $limit
