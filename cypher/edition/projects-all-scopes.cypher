// Edition.projects(scope: ALL) in one round trip: a talk or announcement at the edition
// (MENTIONS|ABOUT, then AT), or a recap covering it (MENTIONS, then COVERS). No other
// node has both kinds of relationship, so this is exactly stage ∪ coverage.
MATCH (p:Project)<-[:MENTIONS|ABOUT]-(x)-[:AT|COVERS]->(e:Edition)
WHERE e.id >= $idsFrom AND e.id <= $idsTo AND e.id IN $ids
RETURN DISTINCT e.id AS key, p AS node
ORDER BY key, toLower(node.name), node.id
