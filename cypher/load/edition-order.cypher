// The editions newest first, with the tie-breakers Query.editions and
// editionStats promise (name, then id): read at the end of each load to store
// each edition's place in this order (load/edition-rank, src/load/editions.ts).
MATCH (e:Edition)
RETURN e.id AS id
ORDER BY e.year DESC, e.startDate DESC, e.name, e.id
