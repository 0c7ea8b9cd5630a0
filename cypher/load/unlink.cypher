// Every link summary, before a load writes those of the graph it leaves (src/load/relink.ts).
// Links have no relationships.
MATCH (l:Link)
DELETE l
