// A company relates to a project when it backs it, presents a talk discussing it,
// or an announcement names both.
MATCH (c:Company)-[:BACKS]->(p:Project)
WHERE c.id IN $ids
RETURN c.id AS key, p AS node
UNION
MATCH (c:Company)-[:PRESENTED]->(:Talk)-[:MENTIONS]->(p:Project)
WHERE c.id IN $ids
RETURN c.id AS key, p AS node
UNION
MATCH (c:Company)<-[:ABOUT]-(:Announcement)-[:ABOUT]->(p:Project)
WHERE c.id IN $ids
RETURN c.id AS key, p AS node
