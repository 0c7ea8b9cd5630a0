// The first statement of every write that ends with a load stamp (src/load/stamp.ts):
// it takes the LoadStamp node's write lock, which Neo4j holds to the commit, so a
// second process's load waits here, before it reads anything, and then derives the
// link summaries and talk cards from what the first one committed. (Kuzu has one
// writer per store, so there it only creates the node in a store without one.)
MERGE (s:LoadStamp {id: 'graph'})
SET s.stamp = s.stamp
