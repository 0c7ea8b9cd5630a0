// A reset load (npm run load -- --reset) deletes, after its MERGEs, the nodes it did
// not write (src/load/prune.ts): nodes in both graphs are never deleted and made
// again, so a reader never meets one without properties. Link summaries and their
// pages are left to relink, which derives them from the graph this leaves, and the
// load stamp and the talks' first pages to the load, which writes them last (src/load/stamp.ts).
MATCH (n)
WHERE NOT n:Link AND NOT n:LinkPage AND NOT n:TalkPage AND NOT n:LinkFactsPage AND NOT n:LoadStamp AND NOT n.id IN $ids
DETACH DELETE n
RETURN count(*) AS deleted
