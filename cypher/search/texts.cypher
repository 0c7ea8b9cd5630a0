// Every search text in the graph: the vocabulary that typo and prefix expansion draw from.
MATCH (n)
WHERE n.searchText IS NOT NULL
RETURN n.searchText AS text
