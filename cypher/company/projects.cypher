// A company relates to a project when it backs it, presents a talk discussing it,
// or an announcement names both.
// Three OPTIONAL MATCHes collected into one id list, then matched back by key:
// the EXISTS form over every (company, project) pair exhausted Kuzu's 512 MiB
// buffer pool at 1000x (20 projects), where this takes 40 ms. Kuzu's collect()
// gives null, not [], when every row is null, hence the coalesce. Not a UNION:
// Kuzu 0.11.3 crashes when a list parameter ($ids) appears twice in a query.
MATCH (c:Company)
WHERE c.id IN $ids
OPTIONAL MATCH (c)-[:BACKS]->(b:Project)
WITH c, collect(b.id) AS backing
OPTIONAL MATCH (c)-[:PRESENTED]->(:Talk)-[:MENTIONS]->(s:Project)
WITH c, backing, collect(s.id) AS onStage
OPTIONAL MATCH (c)<-[:ABOUT]-(:Announcement)-[:ABOUT]->(n:Project)
WITH c, backing, onStage, collect(n.id) AS announced
UNWIND coalesce(backing, []) + coalesce(onStage, []) + coalesce(announced, []) AS otherId
MATCH (p:Project {id: otherId})
RETURN DISTINCT c.id AS key, p AS node
ORDER BY key, toLower(node.name), node.id
