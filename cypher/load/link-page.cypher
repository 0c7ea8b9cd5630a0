// Pages of each scope's ranked links (src/load/plan/links.ts): one node per
// (scope, page of 200), its links as one JSON text in rank order (src/store/link-pages.ts).
UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:LinkPage {id: row.id})
SET n.scope = row.scope, n.links = row.links
