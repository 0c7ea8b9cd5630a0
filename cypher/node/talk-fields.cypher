// Talks by id, read as only the properties their fields ask for
// (Repository.partialTalksByIds projects `n AS node`): CompanyProjectLink.talks, which
// lists talks by the ids a stored link summary holds.
// Kuzu reads every column a batch of ids returns over the whole table, so titles
// alone cost two columns rather than node/talk's fifteen. Never run unprojected.
MATCH (n:Talk)
WHERE n.id >= $idsFrom AND n.id <= $idsTo AND n.id IN $ids
RETURN n.id AS key, n AS node
