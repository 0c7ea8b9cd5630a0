// Empties the graph (npm run load -- --reset): every node and its relationships.
MATCH (n)
DETACH DELETE n
