// How many links and link pages the store holds: none of either is a store written
// before them (src/load/backfill.ts completes them at start).
MATCH (l:Link)
WITH count(l) AS links
OPTIONAL MATCH (p:LinkPage)
RETURN links, count(p) AS pages
