// Query.editions: every edition, newest first (its stored place in that order,
// 0 to n - 1: see analyst/edition-stats.cypher); the `first` newest when asked
// (the resolver passes 2^31 - 1 otherwise).
MATCH (n:Edition)
WHERE n.newestRank < $first
RETURN n AS node
ORDER BY node.newestRank
LIMIT $first
