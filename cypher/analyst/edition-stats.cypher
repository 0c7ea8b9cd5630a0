// Query.editionStats: distinct counts per edition, newest first, as the last
// load stored them (cypher/load/edition-stats.cypher), cut after $first: the
// list grows with the graph, so the answer (and the cost estimate) is bounded.
// newestRank is the edition's place in that order (year and start date, newest
// first, then name and id), stored by each load over the whole graph
// (src/load/editions.ts), so the ranks are 0 to n - 1: the filter keeps exactly
// the rows the cut keeps, and Kuzu reads the other columns of those rows only.
MATCH (e:Edition)
WHERE e.newestRank < $first
RETURN e AS node, e.talkCount AS talks, e.speakerCount AS speakers, e.companyCount AS companies,
       e.projectCount AS projects, e.announcementCount AS announcements
ORDER BY node.newestRank
LIMIT $first
