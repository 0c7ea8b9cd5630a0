// Company–project link summaries, derived by the loader (src/load/plan/links.ts).
UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:Link {id: row.id})
SET n.scope = row.scope, n.companyId = row.companyId, n.companyName = row.companyName,
    n.projectId = row.projectId, n.projectName = row.projectName, n.talks = row.talks,
    n.announcements = row.announcements, n.backing = row.backing, n.weight = row.weight, n.rank = row.rank
