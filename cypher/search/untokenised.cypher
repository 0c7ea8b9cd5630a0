// Nodes with a search text but no index words (a store written before them, see
// src/search/tokens.ts): what the words are derived from. Label-free, as
// search/texts: every node with a search text is searchable.
MATCH (n)
WHERE n.searchText IS NOT NULL AND n.searchTokens IS NULL
RETURN n.id AS id, n.searchText AS text
ORDER BY id
