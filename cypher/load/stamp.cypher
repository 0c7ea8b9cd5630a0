// The last statement of every completed load, in its transaction: a new stamp on the
// one LoadStamp node (src/load/stamp.ts), by which a service sharing the store with
// the loading process notices the load.
MERGE (s:LoadStamp {id: 'graph'})
SET s.stamp = $stamp
