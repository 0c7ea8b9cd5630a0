MERGE (n:Figure {id: $id})
SET n.label = $label, n.value = $value, n.unit = $unit, n.sources = $sources
