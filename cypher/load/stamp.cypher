// The last statement of every completed load, in its transaction: a new stamp on the
// one LoadStamp node (src/load/stamp.ts), by which a service sharing the store with
// the loading process notices the load. `derived` is the stamp of the last write
// after which the link summaries and talk cards were known to match the graph: a
// write that derives them sets it ($derives); one that leaves their inputs alone
// carries it on when it was current; a writer that knows nothing of it (an earlier
// version) leaves it behind, and the next start derives them again.
MERGE (s:LoadStamp {id: 'graph'})
WITH s, $derives OR s.derived = s.stamp AS current
SET s.stamp = $stamp,
    s.derived = CASE WHEN current THEN $stamp ELSE s.derived END
