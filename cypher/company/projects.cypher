// The projects a company is related to: backing them, presenting talks that discuss
// them, or named with them by an announcement (the mirror of project/companies.cypher),
// read from the loader's link summaries of scope '*' (src/load/plan/links.ts), which
// hold exactly those pairs; tests/store/named-queries.test.ts holds them to the walk.
MATCH (l:Link)
WHERE l.scope = '*' AND l.companyId >= $idsFrom AND l.companyId <= $idsTo AND l.companyId IN $ids
MATCH (p:Project {id: l.projectId})
RETURN l.companyId AS key, p AS node
ORDER BY key, toLower(node.name), node.id
