// The companies related to a project: backing it, presenting a talk that discusses it,
// or named with it by an announcement (the mirror of company/projects.cypher).
// Three OPTIONAL MATCHes collected into one id list, then matched back by key:
// the EXISTS form over every (company, project) pair exhausted Kuzu's 512 MiB
// buffer pool at 1000x (20 projects), where this takes 40 ms. Kuzu's collect()
// gives null, not [], when every row is null, hence the coalesce. Not a UNION:
// Kuzu 0.11.3 crashes when a list parameter ($ids) appears twice in a query.
MATCH (p:Project)
WHERE p.id IN $ids
OPTIONAL MATCH (b:Company)-[:BACKS]->(p)
WITH p, collect(b.id) AS backing
OPTIONAL MATCH (s:Company)-[:PRESENTED]->(:Talk)-[:MENTIONS]->(p)
WITH p, backing, collect(s.id) AS onStage
OPTIONAL MATCH (n:Company)<-[:ABOUT]-(:Announcement)-[:ABOUT]->(p)
WITH p, backing, onStage, collect(n.id) AS announced
UNWIND coalesce(backing, []) + coalesce(onStage, []) + coalesce(announced, []) AS otherId
MATCH (c:Company {id: otherId})
RETURN DISTINCT p.id AS key, c AS node
ORDER BY key, toLower(node.name), node.id
