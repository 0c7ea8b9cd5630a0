// A company relates to a project when it backs it, presents a talk discussing it,
// or an announcement names both. One MATCH rather than a UNION: Kuzu 0.11.3
// crashes when a list parameter ($ids) appears twice in a query.
MATCH (c:Company)
WHERE c.id IN $ids
MATCH (p:Project)
WHERE EXISTS { MATCH (c)-[:BACKS]->(p) }
   OR EXISTS { MATCH (c)-[:PRESENTED]->(:Talk)-[:MENTIONS]->(p) }
   OR EXISTS { MATCH (c)<-[:ABOUT]-(:Announcement)-[:ABOUT]->(p) }
RETURN c.id AS key, p AS node
ORDER BY key, toLower(node.name), node.id
