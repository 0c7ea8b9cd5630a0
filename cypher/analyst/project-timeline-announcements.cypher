// Query.projectTimeline, its announcements half: per edition, the announcements
// made there about the project, as nodes (their maturity is a property). See
// project-timeline-talks.cypher for the talks half and why both start at the project.
MATCH (:Project {id: $projectId})<-[:ABOUT]-(a:Announcement)-[:AT]->(e:Edition)
RETURN e AS edition, collect(a) AS announcements
