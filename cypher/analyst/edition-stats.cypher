// Query.editionStats: distinct counts per edition, newest first, as the last
// load stored them (cypher/load/edition-stats.cypher).
MATCH (e:Edition)
RETURN e AS node, e.talkCount AS talks, e.speakerCount AS speakers, e.companyCount AS companies,
       e.projectCount AS projects, e.announcementCount AS announcements
ORDER BY node.year DESC, node.startDate DESC, node.name, node.id
