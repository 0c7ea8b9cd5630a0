// Query.editionStats when its editions are asked only for ids and names: the
// same rows as analyst/edition-stats.cypher with the edition's id and name
// instead of the whole node (Kuzu reads every column it returns for every row
// its filter keeps: for 100 editions at 1000× data, before the rank filter, 11
// ms for whole nodes against 3.5 ms).
MATCH (e:Edition)
WHERE e.newestRank < $first
RETURN e.id AS id, e.name AS name, e.talkCount AS talks, e.speakerCount AS speakers,
       e.companyCount AS companies, e.projectCount AS projects, e.announcementCount AS announcements
ORDER BY e.newestRank
LIMIT $first
