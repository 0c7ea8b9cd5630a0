// The companies related to a project: backing it, presenting a talk that discusses it,
// or named with it by an announcement (the mirror of company/projects.cypher). The
// loader's link summaries of scope '*' hold exactly those pairs (src/load/plan/links.ts),
// so they are read instead of walking the three relationships: on Kuzu at 1000x the
// walk took 34 ms for Falco's five namesakes (1x: 3.4 ms), the summaries 21 ms (1.1 ms).
// tests/store/named-queries.test.ts holds both engines' answers to the walk.
MATCH (l:Link)
WHERE l.scope = '*' AND l.projectId >= $idsFrom AND l.projectId <= $idsTo AND l.projectId IN $ids
MATCH (c:Company {id: l.companyId})
RETURN l.projectId AS key, c AS node
ORDER BY key, toLower(node.name), node.id
