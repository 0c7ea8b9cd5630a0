// Baseline for the dashboard talks page: the same data as the GraphQL query,
// hand-written as one statement (total, 20 newest talks, speakers with their
// companies, projects), newest first by the talks' stored sort key. Run in
// process by bench/bench.ts, never by the service.
MATCH (x:Talk)
WITH count(x) AS total
MATCH (t:Talk)
WITH total, t
ORDER BY t.newestKey
LIMIT 20
OPTIONAL MATCH (p:Person)-[:PRESENTED]->(t)
OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(c:Company)
WITH total, t, p, collect(DISTINCT c.name) AS companies
WITH total, t, collect({name: p.name, companies: companies}) AS speakers
OPTIONAL MATCH (t)-[:MENTIONS]->(pr:Project)
RETURN total, t.title AS title, speakers, collect(pr.name) AS projects
