// Query.neighborhood, one hop: every relationship of the nodes in $ids, in
// either direction, to a node whose label is in $labels (the resolver always
// passes a non-empty list, as the Kuzu twin needs). Every node has exactly
// one label. The resolver merges, weighs, ranks and cuts; of b, its id and
// the properties `Node.label` is made of, as in the Kuzu twin.
MATCH (a)-[r]-(b)
WHERE a.id >= $idsFrom AND a.id <= $idsTo AND a.id IN $ids AND head(labels(b)) IN $labels
RETURN a.id AS key, b.id AS id, type(r) AS relation, r.sources AS sources, r.reference AS reference,
  b.name AS name, b.title AS title, b.description AS description, b.label AS label
