// One page of a scope's ranked links, by its id `<scope>|<page number>` (pages of
// LINK_PAGE_SIZE, src/load/plan/links.ts): a primary-key lookup. Kuzu reads a
// whole column for any property it returns from a scan, so reading 200 links
// from 260,000 (1000× data) cost 26 ms; a page, well under a millisecond. The
// links are one JSON text (src/store/link-pages.ts).
MATCH (p:LinkPage {id: $id})
RETURN p.links AS links
