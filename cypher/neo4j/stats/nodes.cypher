// Node count per label, for the loader's report and tests. Link summaries and
// their pages are derived (src/load/plan/links.ts), as are the talks' first pages (src/load/heads.ts), not graph content, nor is the load stamp (src/load/stamp.ts): not counted.
MATCH (n)
WHERE NOT n:Link AND NOT n:LinkPage AND NOT n:TalkPage AND NOT n:LinkFactsPage AND NOT n:LoadStamp
RETURN labels(n)[0] AS name, count(*) AS count
