// The mirror of company/projects.cypher.
MATCH (c:Company)-[:BACKS]->(p:Project)
WHERE p.id IN $ids
RETURN p.id AS key, c AS node
UNION
MATCH (c:Company)-[:PRESENTED]->(:Talk)-[:MENTIONS]->(p:Project)
WHERE p.id IN $ids
RETURN p.id AS key, c AS node
UNION
MATCH (c:Company)<-[:ABOUT]-(:Announcement)-[:ABOUT]->(p:Project)
WHERE p.id IN $ids
RETURN p.id AS key, c AS node
