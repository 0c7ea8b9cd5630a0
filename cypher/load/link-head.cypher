// The facts of the link matrix's first page (src/load/link-heads.ts): one JSON
// text per link (HeadLinkFacts in src/store/link-heads.ts), and the stamp of
// the write that stored them. Pages of an earlier layout are replaced by id.
MERGE (p:LinkFactsPage {id: $id})
SET p.stamp = $stamp, p.facts = $facts
WITH p
MATCH (old:LinkFactsPage)
WHERE old.id <> $id
DELETE old
