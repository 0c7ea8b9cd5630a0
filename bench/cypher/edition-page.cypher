// Baseline for the edition page: an edition's talks with their companies, and
// the edition's companies, in one hand-written statement.
MATCH (e:Edition {id: $id})
MATCH (t:Talk)-[:AT]->(e)
OPTIONAL MATCH (c:Company)-[:PRESENTED]->(t)
WITH t, collect(c.name) AS companies
WITH collect({title: t.title, companies: companies}) AS talks
MATCH (c2:Company)-[:PRESENTED]->(:Talk)-[:AT]->(:Edition {id: $id})
RETURN talks, collect(DISTINCT c2.name) AS companies
