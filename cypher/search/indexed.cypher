// Every node a full-text index should hold, with its text: what the start-up and
// readiness checks expect search to find (src/store/search-check.ts).
MATCH (n)
WHERE n.searchText IS NOT NULL
RETURN n.id AS id, n.searchText AS text
