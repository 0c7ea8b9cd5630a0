// The stored first page of Query.talks in one TalkOrder (src/load/heads.ts), by
// its id (headId in src/store/talk-heads.ts), with the stamp it was stored under
// and the store's current one: a page read from it only while the two agree.
// Two primary-key lookups; the unfiltered page itself sorts every talk (40 ms at
// 1000× data on Kuzu, which reads each returned column in full). No row: no
// stamp, a store never loaded; a null headStamp: no page of this layout stored.
// $known: the stamp of the page the service already holds parsed (NO_STAMP when
// none). A stamp's pages are written once, with it: under that stamp the 100
// stored talks are not sent again (converting and parsing them was a fifth of the
// uncached dashboard page's main thread).
MATCH (s:LoadStamp {id: 'graph'})
OPTIONAL MATCH (p:TalkPage {id: $head})
RETURN s.stamp AS stamp, p.stamp AS headStamp, p.total AS total,
  CASE WHEN p.stamp = $known THEN NULL ELSE p.talks END AS talks
