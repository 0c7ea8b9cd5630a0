// A reset load deletes, after its MERGEs, the relationships it did not write
// (src/load/prune.ts), each known by its type, its ends' ids and the properties its
// MERGE matches on (src/load/plan/targets.ts: AFFILIATED_WITH's editionId, BACKS's kind).
MATCH (a)-[r]->(b)
WITH r, type(r) + '|' + a.id + '|' + b.id + CASE type(r)
  WHEN 'AFFILIATED_WITH' THEN '|' + coalesce(r.editionId, '')
  WHEN 'BACKS' THEN '|' + coalesce(r.kind, '')
  ELSE ''
END AS key
WHERE NOT key IN $keys
DELETE r
RETURN count(*) AS deleted
