// Query.path when the shortest path is two relationships long (analyst/path-length.cypher):
// every path of exactly that length between the two nodes, which are then all the
// shortest ones (a walk that length that repeated a node would leave a shorter
// path). Returns the same as analyst/path.cypher, the relationships whole (each
// adapter gives its type as __type): Kuzu tracks no path here, at 1000× data
// 3–12 ms against 23–31 ms. Endpoints are unlabelled in the file, which both
// engines read alike; the repository labels them by their ids (`narrowed`).
// Ordered by the number of articles passed through (ids say a node's kind), then by
// the nodes passed through, so a pair with more than 50 shortest paths keeps the same
// 50 on both engines (Neo4j's path-length orders alike), and those through the fewest
// articles, which src/graphql prefers: by ids alone, `article:` sorted first.
MATCH (a {id: $from})-[r1]-(m1)-[r2]-(b {id: $to})
RETURN [a.id, m1.id, b.id] AS ids, [r1, r2] AS rels
ORDER BY CASE WHEN m1.id STARTS WITH 'article:' THEN 1 ELSE 0 END,
         m1.id
LIMIT 50
