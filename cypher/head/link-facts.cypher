// The stored facts of the link matrix's first page (src/load/link-heads.ts),
// with the stamp they were stored under and the store's current one: read only
// while the two agree. Two primary-key lookups, where link/facts and the talks'
// titles scan the Link and Talk tables on Kuzu. No row: no stamp, a store never
// loaded; a null headStamp: no page of this layout stored.
MATCH (s:LoadStamp {id: 'graph'})
OPTIONAL MATCH (p:LinkFactsPage {id: $id})
RETURN s.stamp AS stamp, p.stamp AS headStamp, p.facts AS facts
