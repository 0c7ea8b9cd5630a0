// The editions newest first, with the tie-breakers Query.editions and
// editionStats promise (name, then id), and the place each has stored: read at
// the end of each load to store the places that changed (load/edition-rank,
// src/load/editions.ts).
MATCH (e:Edition)
RETURN e.id AS id, e.newestRank AS stored
ORDER BY e.year DESC, e.startDate DESC, e.name, e.id
