// CompanyProjectLink.talks, .announcements and .backing: the facts of links by
// id `<scope>|<company id>|<project id>` (linkId in src/load/plan/links.ts), as
// the loader stored them with each link summary, so a link lists the very facts
// its weight counts. Backing belongs to no edition: an edition's links have none.
// UNWIND and a key lookup rather than `l.id IN $ids`: Kuzu 0.11.3 tests every
// link against the list, 175 ms for 200 ids at 1000× data against 41 ms.
UNWIND $ids AS id
MATCH (l:Link {id: id})
RETURN id AS key, l.talks AS talks, l.announcements AS announcements, l.backing AS backing
