/**
 * Scoring of search hits, done here rather than by either engine so that Kuzu
 * and Neo4j rank the same candidates the same way.
 *
 * A hit scores the share of query words it contains, each counted 1 when
 * present as a word, 0.75 as a word prefix, 0.5 within the typo budget; plus
 * 0.25 when the whole folded query appears in its text as a phrase, plus up
 * to 0.1 for focus (the share of the text's words that matched), so that the
 * project "Kubernetes" outranks a long announcement that mentions it; plus
 * 0.3 when the query is the hit's whole label (its name or title), so that
 * "Ambassador" finds the project Ambassador, whose many aliases dilute its
 * focus, before "Ambassador Code" and "Ambassador Pro".
 */
import { fold } from '../text';
import { editDistance, typoBudget, words } from './terms';

/**
 * What an exact name match adds: more than focus can (0.1), and such a hit's text
 * holds the query as a phrase too, so it comes before every hit that is not one.
 */
export const EXACT_LABEL_BONUS = 0.3;

/**
 * What a text's word `w` counts for query word `q`: 1 when it is the word, 0.75
 * when `q` (3 letters or more) begins it, 0.5 within `q`'s typo budget, else 0.
 */
export function wordWeight(q: string, w: string): number {
  if (w === q) return 1;
  if (q.length >= 3 && w.startsWith(q)) return 0.75;
  const budget = typoBudget(q);
  return budget > 0 && editDistance(q, w, budget) <= budget ? 0.5 : 0;
}

/** A label spelled as query words: a hit whose label is the query gets EXACT_LABEL_BONUS. */
export const labelKey = (label: string): string => words(label).join(' ');

/** A score as hits carry it, to three decimals: hits equal to that are ranked by id. */
export const rounded = (score: number): number => Math.round(score * 1000) / 1000;

export function score(
  queryWords: readonly string[],
  foldedQuery: string,
  text: string,
  label?: string,
): number {
  if (queryWords.length === 0) return 0;
  const textWords = new Set(words(text));
  let total = 0;
  let matched = 0;
  for (const q of queryWords) {
    let best = 0;
    for (const w of textWords) {
      // Once a typo has counted, only the word itself or a prefix counts more: no edit distance then.
      if (best >= 0.5 && w !== q && !(q.length >= 3 && w.startsWith(q))) continue;
      best = Math.max(best, wordWeight(q, w));
      if (best === 1) break;
    }
    total += best;
    if (best > 0) matched++;
  }
  if (total === 0) return 0;
  const phrase = queryWords.length > 1 && fold(text).includes(foldedQuery) ? 0.25 : 0;
  const focus = textWords.size > 0 ? (0.1 * matched) / textWords.size : 0;
  const exact = label !== undefined && labelKey(label) === queryWords.join(' ') ? EXACT_LABEL_BONUS : 0;
  return rounded(total / queryWords.length + phrase + focus + exact);
}
