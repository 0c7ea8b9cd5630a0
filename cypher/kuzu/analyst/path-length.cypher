// Query.path, first step: the length of a shortest path between two nodes (up
// to 6 relationships, any direction), or no row; the length alone (Neo4j's
// override returns the paths too, so it needs no second step). Kuzu finds it without tracking
// the path, which costs little at any scale (3 ms at 1000× data); tracking the
// path's nodes and relationships (analyst/path.cypher) costs 23–31 ms there, so
// paths up to 3 long are then read by an explicit pattern of that length
// (analyst/path-hops-<n>.cypher). Endpoints as in analyst/path.cypher: narrowed
// by the repository to the labels their ids name.
MATCH (a:Edition:Article:Talk:Person:Company:Project:Announcement:Figure)
WHERE a.id = $from
MATCH (b:Edition:Article:Talk:Person:Company:Project:Announcement:Figure)
WHERE b.id = $to
MATCH p = (a)-[* SHORTEST 1..6]-(b)
RETURN length(p) AS length
LIMIT 1
