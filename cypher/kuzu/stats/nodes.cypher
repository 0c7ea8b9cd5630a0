// Node count per label, for the loader's report and tests.
MATCH (n)
RETURN label(n) AS name, count(*) AS count
