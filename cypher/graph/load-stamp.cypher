// The stamp of the last completed load (src/load/stamp.ts), read every few seconds by
// the service's watcher, and the stamp the link summaries and talk cards were last
// derived at (load/stamp): a primary-key lookup on Kuzu, a unique-constraint seek on Neo4j.
MATCH (s:LoadStamp {id: 'graph'})
RETURN s.stamp AS stamp, s.derived AS derived
