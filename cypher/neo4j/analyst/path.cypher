// Every shortest path up to 6 relationships, in any direction, as ids and whole
// relationships (type, provenance), the rows every path file returns. Query.path
// gets them from analyst/path-length.cypher; this file is the tracked search the
// tests compare the other path files with.
// Variable-length bounds must be literals in Neo4j: $maxHops filters the result.
// The endpoints name every label but Link (summaries, never in a path), so the
// planner scans those labels instead of every node. The repository narrows a and b
// to the labels their ids name (`narrowed` in src/store/queries.ts), so each end is
// one lookup in its label's id index. Ordered as analyst/path-length.cypher is (fewest
// articles, then ids), so it keeps the same 50 paths.
MATCH (a:Edition|Article|Talk|Person|Company|Project|Announcement|Figure {id: $from})
MATCH (b:Edition|Article|Talk|Person|Company|Project|Announcement|Figure {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | n.id] AS ids, relationships(p) AS rels
ORDER BY size([id IN ids WHERE id STARTS WITH 'article:']), ids
LIMIT 50
