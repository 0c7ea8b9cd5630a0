// Query.path, first step: the length of the shortest paths between two nodes
// (up to 6 relationships, any direction), or no row. Neo4j tracks paths cheaply,
// so it returns the paths themselves too (ids and relationships, as
// analyst/path-hops-<n>.cypher does) and the repository needs no second step;
// Kuzu's override returns the length alone (see it for why). Endpoints narrowed
// by the repository to the labels their ids name. Ordered by the number of articles
// passed through (ids say a node's kind), then by the nodes passed through, as the
// other path files are, so both engines keep the same 50 paths, and those through
// the fewest articles, which src/graphql prefers among them: ordered by ids alone,
// the `article:` ids sorted first and a pair with more than 50 shortest paths
// could lose every path without an article.
MATCH (a:Edition|Article|Talk|Person|Company|Project|Announcement|Figure {id: $from})
MATCH (b:Edition|Article|Talk|Person|Company|Project|Announcement|Figure {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
RETURN length(p) AS length, [n IN nodes(p) | n.id] AS ids, relationships(p) AS rels
ORDER BY size([id IN ids WHERE id STARTS WITH 'article:']), ids
LIMIT 50
