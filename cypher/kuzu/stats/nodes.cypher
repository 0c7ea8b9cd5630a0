// Node count per label, for the loader's report and tests. Link summaries and
// their pages are derived (src/load/plan/links.ts), as are the talks' first pages (src/load/heads.ts), not graph content, nor is the load stamp (src/load/stamp.ts): not counted.
MATCH (n)
WHERE label(n) <> 'Link' AND label(n) <> 'LinkPage' AND label(n) <> 'TalkPage' AND label(n) <> 'LinkFactsPage' AND label(n) <> 'LoadStamp'
RETURN label(n) AS name, count(*) AS count
