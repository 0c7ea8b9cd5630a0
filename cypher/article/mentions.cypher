// Everything the article names (projects, companies, people), with the paragraphs that name it.
// Ordered by id, so entities come grouped by kind (company:, person:, project:).
MATCH (a:Article)-[r:MENTIONS]->(n)
WHERE a.id >= $idsFrom AND a.id <= $idsTo AND a.id IN $ids
RETURN a.id AS key, n AS node, r AS rel
ORDER BY key, node.id
