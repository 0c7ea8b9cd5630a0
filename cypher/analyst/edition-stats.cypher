// Query.editionStats: distinct counts per edition, newest first, as the last
// load stored them (cypher/load/edition-stats.cypher), cut after $first: the
// list grows with the graph, so the answer (and the cost estimate) is bounded.
MATCH (e:Edition)
RETURN e AS node, e.talkCount AS talks, e.speakerCount AS speakers, e.companyCount AS companies,
       e.projectCount AS projects, e.announcementCount AS announcements
ORDER BY node.year DESC, node.startDate DESC, node.name, node.id
LIMIT $first
