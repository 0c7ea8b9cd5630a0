// Person.affiliations asked only for its companies' ids and names and its
// editions' ids: person/affiliations.cypher returning those alone, in its order
// (a stub per affiliation: Loaders.affiliationNames). Also primed by talk cards,
// which hold every affiliation of each speaker (src/load/plan/cards.ts).
MATCH (p:Person)-[a:AFFILIATED_WITH]->(c:Company)
WHERE p.id >= $idsFrom AND p.id <= $idsTo AND p.id IN $ids
RETURN p.id AS key, c.id AS id, c.name AS name, a.editionId AS editionId
ORDER BY key, editionId, name, id
