// Edition.talks when its talks' companies are asked only for ids and names
// (look-ahead, src/graphql/resolvers/edition.ts): edition/talks.cypher with a
// row per talk and company, so Talk.companies takes them from here (the loader
// primes talk/company-names with each talk's rows in a talk card's order, as that
// loader gives them: src/graphql/loaders.ts) instead of a statement one level further down. A
// talk with no company comes back once, with nulls.
MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
OPTIONAL MATCH (c:Company)-[:PRESENTED]->(t)
RETURN e.id AS key, t.id AS id, t AS node, c.id AS companyId, c.name AS companyName
ORDER BY key, t.day, t.title, id, toLower(companyName), companyId
