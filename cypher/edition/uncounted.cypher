// Editions without their stored counts or rank (a store written before them,
// see src/load/backfill.ts).
MATCH (e:Edition)
WHERE e.talkCount IS NULL OR e.newestRank IS NULL
RETURN count(e) AS count
