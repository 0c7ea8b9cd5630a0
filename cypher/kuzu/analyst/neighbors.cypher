// Query.neighborhood, one hop: every relationship of the nodes in $ids, in
// either direction, to a node whose label is in $labels (never empty: the
// resolver passes every label when no type is asked for, as an empty list
// crashes Kuzu 0.11.3). The resolver merges, weighs, ranks and cuts. Of b, only
// its id and the properties `Node.label` is made of (a graph view asks no more,
// and they cost nothing measurable): a kept node asked for more is then loaded
// by label (whole unlabelled nodes cost Kuzu several times more, for rows most
// of which are cut).
MATCH (a)-[r]-(b)
WHERE a.id >= $idsFrom AND a.id <= $idsTo AND a.id IN $ids AND label(b) IN $labels
RETURN a.id AS key, b.id AS id, label(r) AS relation, r.sources AS sources, r.reference AS reference,
  b.name AS name, b.title AS title, b.description AS description, b.label AS label
