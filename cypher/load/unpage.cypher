// Pages of link summaries the graph no longer has, by id (src/load/relink.ts).
UNWIND $ids AS id
MATCH (p:LinkPage {id: id})
DELETE p
