// Every searchable node with its search text and label (SearchHit.label: the name, title or
// description, as search/query gives them): what src/search/search-index.ts indexes in memory.
// Read whole once per graph version, in the background, by no request.
MATCH (n:Edition) WHERE n.searchText IS NOT NULL
RETURN n.id AS id, n.searchText AS text, n.name AS label
UNION ALL
MATCH (n:Article) WHERE n.searchText IS NOT NULL
RETURN n.id AS id, n.searchText AS text, n.title AS label
UNION ALL
MATCH (n:Talk) WHERE n.searchText IS NOT NULL
RETURN n.id AS id, n.searchText AS text, n.title AS label
UNION ALL
MATCH (n:Person) WHERE n.searchText IS NOT NULL
RETURN n.id AS id, n.searchText AS text, n.name AS label
UNION ALL
MATCH (n:Company) WHERE n.searchText IS NOT NULL
RETURN n.id AS id, n.searchText AS text, n.name AS label
UNION ALL
MATCH (n:Project) WHERE n.searchText IS NOT NULL
RETURN n.id AS id, n.searchText AS text, n.name AS label
UNION ALL
MATCH (n:Announcement) WHERE n.searchText IS NOT NULL
RETURN n.id AS id, n.searchText AS text, n.description AS label
