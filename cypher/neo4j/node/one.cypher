// One node by id, when a node batch holds a single id (repository.nodesByIds).
// The repository narrows n to the id's label (`narrowed` in src/store/queries.ts),
// so the lookup is one seek in that label's id index; the pattern lists every kind
// (`A|B` is "any of") so the file also runs unnarrowed.
MATCH (n:Edition|Article|Talk|Person|Company|Project|Announcement|Figure {id: $id})
RETURN n.id AS key, n AS node
