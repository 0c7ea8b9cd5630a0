// How many links, and link pages of the current layout (a JSON text, src/store/link-pages.ts),
// the store holds: none of either is a store written before them, or before that layout
// (src/load/backfill.ts completes them at start).
MATCH (l:Link)
WITH count(l) AS links
OPTIONAL MATCH (p:LinkPage)
WHERE p.links IS NOT NULL
RETURN links, count(p) AS pages
