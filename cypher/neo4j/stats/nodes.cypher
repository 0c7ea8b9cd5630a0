// Node count per label, for the loader's report and tests.
MATCH (n)
RETURN labels(n)[0] AS name, count(*) AS count
