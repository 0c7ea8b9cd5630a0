// Every page of link summaries as stored, to compare with those of the graph
// (src/load/relink.ts): the properties cypher/load/link-page.cypher writes.
MATCH (p:LinkPage)
RETURN p.id AS id, p.scope AS scope, p.links AS links
