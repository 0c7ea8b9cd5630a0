// The readiness probe's real query (GET /readyz): reads stored data, not just a constant.
MATCH (e:Edition)
RETURN count(e) AS editions
