// Query.editions: every edition, newest first (its stored place in that order,
// see analyst/edition-stats.cypher); the `first` newest when asked (the
// resolver passes 2^31 - 1 otherwise).
MATCH (n:Edition)
RETURN n AS node
ORDER BY node.newestRank
LIMIT $first
