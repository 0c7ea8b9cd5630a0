// Every link's place in its scope, for paging the links of a store written
// before pages (src/load/backfill.ts); once per such store, at start.
MATCH (l:Link)
RETURN l.scope AS scope, l.rank AS rank, l.companyId AS companyId, l.companyName AS companyName,
       l.projectId AS projectId, l.projectName AS projectName, l.weight AS weight
