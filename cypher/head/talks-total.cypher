// How many talks the store holds: the total a stored first page carries (src/load/heads.ts).
MATCH (t:Talk)
RETURN count(t) AS count
