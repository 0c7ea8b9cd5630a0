// Figures: `value` arrives as a string (a whole number in a batched row corrupts a
// DOUBLE in Kuzu 0.11.3, see src/load/columns.ts) and is stored as a float.
UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:Figure {id: row.id})
SET n.label = row.label, n.value = toFloat(row.value), n.unit = row.unit, n.sources = row.sources
