// Query.editions: every edition, newest first; the `first` newest when asked
// (the resolver passes 2^31 - 1 otherwise).
MATCH (n:Edition)
RETURN n AS node
ORDER BY node.year DESC, node.startDate DESC, node.name, node.id
LIMIT $first
