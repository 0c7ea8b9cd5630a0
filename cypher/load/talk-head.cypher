// A first page of Query.talks in one TalkOrder (src/load/heads.ts): its talks'
// ids and what a dashboard reads of them, as parallel lists in page order
// (a missing card as ''), the total, and the stamp of the write that stored it.
MERGE (p:TalkPage {id: $head})
SET p.stamp = $stamp, p.total = $total, p.ids = $ids, p.titles = $titles,
    p.participantRows = $participantRows, p.projectRows = $projectRows, p.editionIds = $editionIds
