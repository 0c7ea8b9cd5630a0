// One node by id, when a node batch holds a single id (repository.nodesByIds).
// The repository narrows n to the id's label (`narrowed` in src/store/queries.ts):
// `{id: $id}` on one table is a primary-key lookup, 0.4 ms for a company at 1000×
// data, where node/company's `IN $ids` scans the table (22 ms). The pattern lists
// every kind (Kuzu's `:A:B` is "any of") so the file also runs unnarrowed.
MATCH (n:Edition:Article:Talk:Person:Company:Project:Announcement:Figure {id: $id})
RETURN n.id AS key, n AS node
