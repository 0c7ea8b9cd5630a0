// node/talk without the talk cards' columns (src/load/plan/cards.ts), which no
// field reads off a whole talk: Kuzu reads every column a batch of ids returns
// over the whole table, so the cards cost 20 talks 77 → 97 ms at 1000×; this map
// of the other columns, a node to the adapter (_label, _id), takes 71 ms. Every
// other Talk column of cypher/kuzu/schema.cypher is listed
// (tests/store/named-queries.test.ts).
MATCH (n:Talk)
WHERE n.id >= $idsFrom AND n.id <= $idsTo AND n.id IN $ids
RETURN n.id AS key,
       {_label: 'Talk', _id: n.id, id: n.id, title: n.title, originalTitle: n.originalTitle, kind: n.kind,
        day: n.day, colocatedEvent: n.colocatedEvent, summary: n.summary, sources: n.sources,
        searchText: n.searchText, newestKey: n.newestKey, oldestKey: n.oldestKey, titleKey: n.titleKey,
        editionId: n.editionId, searchTokens: n.searchTokens} AS node
