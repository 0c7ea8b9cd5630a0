// Sets the stored sort keys and edition id of existing talks (src/load/sort-keys.ts).
UNWIND $rows AS row
MATCH (n:Talk {id: row.id})
SET n.newestKey = row.newestKey, n.oldestKey = row.oldestKey, n.titleKey = row.titleKey,
    n.editionId = row.editionId
