// Sets the index words of existing announcements, from their search text (src/load/backfill.ts).
UNWIND $rows AS row
MATCH (n:Announcement {id: row.id})
SET n.searchTokens = row.searchTokens
