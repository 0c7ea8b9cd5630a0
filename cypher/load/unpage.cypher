// Every page of link summaries, before a load writes those of the graph it leaves (src/load/relink.ts).
MATCH (p:LinkPage)
DELETE p
