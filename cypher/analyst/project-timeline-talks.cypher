// Query.projectTimeline, its talks half: per edition, the talks there that
// mention the project, as nodes (the resolver primes them). Reached from the
// project by its primary key, so the statement reads only those talks and
// editions: at 1000× data, 3.9 ms where scanning every edition for the project
// took 13.6 ms and the talks' own batch another 20. The announcements half
// (project-timeline-announcements.cypher) runs beside it; src/store/analyst.ts
// merges the two per edition.
MATCH (:Project {id: $projectId})<-[:MENTIONS]-(t:Talk)-[:AT]->(e:Edition)
RETURN e AS edition, collect(t) AS talks
