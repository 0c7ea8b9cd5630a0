// Sets the stored sort keys of existing talks (src/load/sort-keys.ts).
UNWIND $rows AS row
MATCH (n:Talk {id: row.id})
SET n.newestKey = row.newestKey, n.oldestKey = row.oldestKey, n.titleKey = row.titleKey
