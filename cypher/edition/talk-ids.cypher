// Talk ids of each edition in display order; Edition.talks pages over them.
MATCH (t:Talk)-[:AT]->(e:Edition)
WHERE e.id IN $ids
RETURN e.id AS key, t.id AS id
ORDER BY key, t.day, t.title, id
