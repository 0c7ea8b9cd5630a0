// The mirror of company/projects.cypher.
MATCH (p:Project)
WHERE p.id IN $ids
MATCH (c:Company)
WHERE EXISTS { MATCH (c)-[:BACKS]->(p) }
   OR EXISTS { MATCH (c)-[:PRESENTED]->(:Talk)-[:MENTIONS]->(p) }
   OR EXISTS { MATCH (c)<-[:ABOUT]-(:Announcement)-[:ABOUT]->(p) }
RETURN p.id AS key, c AS node
ORDER BY key, toLower(node.name), node.id
