// Neo4j's copy of cypher/load/link-page.cypher: the whole property map is set, so a
// page written by a version that kept its links as parallel lists loses them when it
// is rewritten. Kuzu has no SET n = map, and keeps those columns, unread (its schema says why).
UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:LinkPage {id: row.id})
SET n = {id: row.id, scope: row.scope, links: row.links}
