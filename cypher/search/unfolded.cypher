// Nodes whose search text holds a letter the current fold spells out
// (SPELLED_LETTERS in src/text.ts): texts an earlier version stored, when
// "Straße" stayed "straße" and "strasse" did not find it. Returns the
// properties each kind's search fields are derived from
// (src/load/plan/search-fields.ts), which refoldSearchTexts
// (src/load/backfill.ts) derives them from again. Label-free, as
// search/untokenised: every node with a search text is searchable. The letters
// are written out, one CONTAINS each: at 1000× on Kuzu the chain costs 50 ms a
// start where a regular expression took 1.6 s and any() over a list parameter
// 270 ms; tests/load/backfill.test.ts checks they are the table's.
MATCH (n)
WHERE n.searchText CONTAINS 'ß'
   OR n.searchText CONTAINS 'æ'
   OR n.searchText CONTAINS 'œ'
   OR n.searchText CONTAINS 'ø'
   OR n.searchText CONTAINS 'đ'
   OR n.searchText CONTAINS 'ð'
   OR n.searchText CONTAINS 'ł'
   OR n.searchText CONTAINS 'þ'
   OR n.searchText CONTAINS 'ı'
   OR n.searchText CONTAINS 'ħ'
   OR n.searchText CONTAINS 'ŧ'
RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.city AS city, n.year AS year,
       n.title AS title, n.authors AS authors, n.originalTitle AS originalTitle,
       n.description AS description, n.version AS version
ORDER BY id
