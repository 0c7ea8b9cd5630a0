// Query.editionStats when its editions are asked only for ids and names: the
// same rows as analyst/edition-stats.cypher with the edition's id and name
// instead of the whole node (Kuzu reads every column of every edition before
// the cut: at 1000× data, 6,000 editions, 11 ms against 3.5 ms).
MATCH (e:Edition)
WHERE e.newestRank < $first
RETURN e.id AS id, e.name AS name, e.talkCount AS talks, e.speakerCount AS speakers,
       e.companyCount AS companies, e.projectCount AS projects, e.announcementCount AS announcements
ORDER BY e.newestRank
LIMIT $first
