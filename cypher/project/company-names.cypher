// Project.companies asked only for ids and names: project/companies.cypher with
// the names the link summaries store, so no company is read at all.
MATCH (l:Link)
WHERE l.scope = '*' AND l.projectId >= $idsFrom AND l.projectId <= $idsTo AND l.projectId IN $ids
RETURN l.projectId AS key, l.companyId AS id, l.companyName AS name
ORDER BY key, toLower(name), id
