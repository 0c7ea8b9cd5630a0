MATCH ()-[r]->()
RETURN label(r) AS name, count(*) AS count
