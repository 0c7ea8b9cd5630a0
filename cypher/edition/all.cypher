// Every edition, newest first.
MATCH (n:Edition)
RETURN n AS node
ORDER BY node.year DESC, node.startDate DESC, node.name, node.id
