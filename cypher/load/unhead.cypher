// Stored first pages of a layout this version does not read (their id names
// it: headId in src/store/talk-heads.ts), removed by the write that stores
// the current ones (src/load/heads.ts).
MATCH (p:TalkPage)
WHERE NOT p.id IN $keep
DELETE p
