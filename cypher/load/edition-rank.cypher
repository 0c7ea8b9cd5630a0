// Stores each edition's place in the newest-first order (load/edition-order).
// MERGE finds the edition by its primary key where a MATCH would scan on Kuzu;
// every id was just read from the store, so it creates nothing.
UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (e:Edition {id: row.id})
SET e.newestRank = row.newestRank
