// Editions without their stored counts (a store written before them, see
// src/load/backfill.ts).
MATCH (e:Edition)
WHERE e.talkCount IS NULL
RETURN count(e) AS count
