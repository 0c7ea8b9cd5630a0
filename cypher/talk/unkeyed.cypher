// Talks stored without their sort keys or edition id (a store created before
// them, see src/load/sort-keys.ts): what they are computed from.
MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE t.newestKey IS NULL OR t.editionId IS NULL
RETURN t.id AS id, t.title AS title, t.day AS day, e.id AS editionId, e.year AS year
ORDER BY id
