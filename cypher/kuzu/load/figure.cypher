// Kuzu has no toFloat(): CAST instead (see cypher/load/figure.cypher).
UNWIND $rows AS row
WITH row WHERE row.id <> ''
MERGE (n:Figure {id: row.id})
SET n.label = row.label, n.value = CAST(row.value AS DOUBLE), n.unit = row.unit, n.sources = row.sources
