// Baseline for the whole companyProjectLinks matrix (first 200): the ranked
// link summaries with their company and project names, in one statement.
MATCH (l:Link)
WHERE l.scope = '*'
MATCH (c:Company), (p:Project)
WHERE c.id = l.companyId AND p.id = l.projectId
RETURN c.name AS company, p.name AS project, l.weight AS weight
ORDER BY l.rank
LIMIT 200
