// Link summaries the graph no longer has, by id (src/load/relink.ts). Links have no relationships.
UNWIND $ids AS id
MATCH (l:Link {id: id})
DELETE l
