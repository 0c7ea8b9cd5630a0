// How many rows Query.editions and Query.articles give when no `first` cuts
// them (the same patterns as edition/all and article/all): the sizes the cost
// estimate gives those two lists (src/graphql/list-sizes.ts).
MATCH (e:Edition)
WITH count(e) AS editions
OPTIONAL MATCH (a:Article)-[:COVERS]->(:Edition)
RETURN editions, count(a) AS articles
