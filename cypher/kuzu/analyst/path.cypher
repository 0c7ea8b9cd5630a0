// Query.path beyond 3 relationships (shorter ones: analyst/path-hops-<n>.cypher):
// every shortest path up to 6 relationships, in any direction, as ids and whole
// relationships (type, provenance), the rows every path file returns; src/graphql
// picks one deterministically.
// The endpoints name every label but Link (summaries, never in a path): Kuzu's
// `:A:B` is "any of", and leaving Link's table out of the search measured 1.7×
// faster at 1000× data than unlabelled endpoints. The repository narrows a and b
// to the labels their ids name (`narrowed` in src/store/queries.ts): with both ends
// labelled, a company-to-project search at 1000× took 26 ms instead of 102.
// Ordered by the number of articles passed through (ids say a node's kind), then by
// the nodes passed through, as Neo4j's analyst/path-length.cypher is, so both engines
// keep the same 50 paths and those through the fewest articles (src/graphql prefers
// them). Kuzu cannot order by a list (STRING[]) nor parse a list comprehension: the
// count is a list_filter, the ids are joined with a space, which sorts below every
// character of an id, so the joined strings sort as Neo4j sorts the lists.
MATCH (a:Edition:Article:Talk:Person:Company:Project:Announcement:Figure)
WHERE a.id = $from
MATCH (b:Edition:Article:Talk:Person:Company:Project:Announcement:Figure)
WHERE b.id = $to
MATCH p = (a)-[* ALL SHORTEST 1..6]-(b)
WHERE length(p) <= $maxHops
RETURN properties(nodes(p), 'id') AS ids, rels(p) AS rels
ORDER BY size(list_filter(properties(nodes(p), 'id'), x -> x STARTS WITH 'article:')),
         list_to_string(' ', properties(nodes(p), 'id'))
LIMIT 50
