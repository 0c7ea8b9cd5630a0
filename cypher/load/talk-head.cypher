// A first page of Query.talks in one TalkOrder (src/load/heads.ts): one JSON
// text per talk in page order (HeadTalk in src/store/talk-heads.ts), the
// total, and the stamp of the write that stored it.
MERGE (p:TalkPage {id: $id})
SET p.stamp = $stamp, p.total = $total, p.talks = $talks
