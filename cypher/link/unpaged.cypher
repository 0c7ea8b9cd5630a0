// How many links and link pages the store holds: links with no pages at all are
// a store written before pages (src/load/backfill.ts pages them at start).
MATCH (l:Link)
WITH count(l) AS links
OPTIONAL MATCH (p:LinkPage)
RETURN links, count(p) AS pages
