// Company.projects asked only for ids and names: company/projects.cypher with
// the names the link summaries store, so no project is read at all.
MATCH (l:Link)
WHERE l.scope = '*' AND l.companyId >= $idsFrom AND l.companyId <= $idsTo AND l.companyId IN $ids
RETURN l.companyId AS key, l.projectId AS id, l.projectName AS name
ORDER BY key, toLower(name), id
