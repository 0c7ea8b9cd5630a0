/**
 * The words a full-text index holds, spelled so that no engine's analyser can
 * drop, split or join them.
 *
 * Kuzu 0.11.3's FTS drops every token that holds a digit (`k8s`, `2019`, `v1`)
 * and every English stop word (`the`, `one`, `new`), whatever its options say,
 * and a custom stop-word table cannot be dropped and created again (see the
 * README). Neo4j's analyser keeps both but splits punctuation by its own rules.
 * So both engines index `searchTokens` rather than the search text: the
 * service's own words (./terms.ts), each spelled in letters only behind a
 * marker, and both receive the query's words spelled the same way. What a
 * search can find is then decided here, once, for both engines; each engine
 * only scores the candidates, and src/search/rank.ts ranks them.
 */
import { words } from './terms';

/**
 * One word of `words()` (`[a-z0-9]+`) in letters only: `x`, then the word with
 * each `q` doubled and each digit d written `q` + the d-th letter (`0` → `qa`).
 * Injective, so two words never meet in an index; the leading `x` keeps every
 * token out of the stop-word lists, which hold no word starting with it. Kuzu's
 * stemmer still trims suffixes, alike at index and at query time.
 */
export function token(word: string): string {
  return `x${word.replace(/[q0-9]/g, (c) => (c === 'q' ? 'qq' : `q${String.fromCharCode(97 + Number(c))}`))}`;
}

/**
 * The `searchTokens` property of a node whose search text is `text`: each word
 * once, in order (the search text repeats a part's words in its split form, and
 * the ranking is src/search/rank.ts's, not the index's word counts).
 */
export function indexTokens(text: string): string {
  return [...new Set(words(text))].map(token).join(' ');
}

/** The text a full-text index is queried with for these query words (any of them matches). */
export function queryTokens(queryWords: readonly string[]): string {
  return queryWords.map(token).join(' ');
}
