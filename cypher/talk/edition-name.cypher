// Talk.edition asked only for what an id and a name answer (id, name, label,
// type): talk/edition.cypher returning those two properties alone (see
// talk/project-names.cypher). Also primed by talk pages, which read their
// editions' ids and names only when that is all they are asked.
MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE t.id >= $idsFrom AND t.id <= $idsTo AND t.id IN $ids
RETURN t.id AS key, e.id AS id, e.name AS name
