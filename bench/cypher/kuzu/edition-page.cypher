// Kuzu's baseline for the edition page (see ../edition-page.cypher): one
// pattern for the companies in every scope, told apart by label(), measured
// 5 ms against 9 ms for the two OPTIONAL MATCHes the shared file needs.
MATCH (e:Edition {id: $id})
MATCH (t:Talk)-[:AT]->(e)
OPTIONAL MATCH (c:Company)-[:PRESENTED]->(t)
WITH e, t, collect(c.name) AS companies
WITH e, collect({title: t.title, companies: companies}) AS talks
MATCH (c2:Company)-[r:PRESENTED|MENTIONS]-(x)-[s:AT|COVERS]->(e)
WHERE label(r) = 'PRESENTED' OR label(s) = 'COVERS'
RETURN talks, collect(DISTINCT c2.name) AS companies
