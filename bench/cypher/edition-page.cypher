// Baseline for the edition page: the edition's talks with their companies, and
// its companies in every scope (on stage, or named by a recap covering it:
// Edition.companies' default), in one hand-written statement. Lists come back
// unordered, where the page sorts them: the cheapest statement returning the
// page's data (tests/contract/baselines.test.ts checks it does). Kuzu runs
// bench/cypher/kuzu/edition-page.cypher. Run in process by the bench, never by
// the service.
MATCH (e:Edition {id: $id})
MATCH (t:Talk)-[:AT]->(e)
OPTIONAL MATCH (c:Company)-[:PRESENTED]->(t)
WITH e, t, collect(c.name) AS companies
WITH e, collect({title: t.title, companies: companies}) AS talks
OPTIONAL MATCH (c2:Company)-[:PRESENTED]->()-[:AT]->(e)
WITH e, talks, collect(DISTINCT c2) AS stage
OPTIONAL MATCH (c3:Company)-[:PRESENTED|MENTIONS]-()-[:COVERS]->(e)
WITH talks, stage, collect(DISTINCT c3) AS coverage
UNWIND stage + coverage AS c
RETURN talks, collect(DISTINCT c.name) AS companies
