// Node count per label, for the loader's report and tests. Link summaries and
// their pages are derived (src/load/plan/links.ts), not graph content: not counted.
MATCH (n)
WHERE NOT n:Link AND NOT n:LinkPage
RETURN labels(n)[0] AS name, count(*) AS count
