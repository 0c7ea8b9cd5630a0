// Baseline for the edition page: the edition's companies in every scope (on
// stage, or named by a recap covering it: Edition.companies' default), by
// name, then its talks in display order with their companies, in one
// hand-written statement. Run in process by the bench, never by the service.
// tests/contract/baselines.test.ts checks it returns the page's data (a talk
// with no company comes back as null from Kuzu after the ORDER BY, [] from Neo4j).
MATCH (e:Edition {id: $id})
OPTIONAL MATCH (staged:Company)-[:PRESENTED]->()-[:AT]->(e)
WITH e, collect(DISTINCT staged) AS stage
OPTIONAL MATCH (named:Company)-[:PRESENTED|MENTIONS]-()-[:COVERS]->(e)
WITH e, stage, collect(DISTINCT named) AS coverage
UNWIND stage + coverage AS c
WITH DISTINCT e, c.id AS id, c.name AS name
ORDER BY toLower(name), id
SKIP 0
WITH e, collect(name) AS companies
MATCH (t:Talk)-[:AT]->(e)
OPTIONAL MATCH (tc:Company)-[:PRESENTED]->(t)
WITH companies, t, tc
ORDER BY toLower(tc.name), tc.id
SKIP 0
WITH companies, t, collect(tc.name) AS talkCompanies
ORDER BY t.day, t.title, t.id
SKIP 0
RETURN companies, collect({title: t.title, companies: talkCompanies}) AS talks
