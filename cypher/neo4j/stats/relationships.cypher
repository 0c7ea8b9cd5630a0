MATCH ()-[r]->()
RETURN type(r) AS name, count(*) AS count
