/**
 * Query words for search, made forgiving before they reach a full-text index.
 *
 * Neither engine's index folds accents or forgives typos the same way (Kuzu's
 * FTS has no fuzzy matching at all), so every text is stored folded
 * (src/text.ts) and each query word is expanded here, against the words the
 * graph actually contains, into: itself, the words it is a prefix of, and the
 * words one typo away (two for long words). Both engines then receive the
 * same plain word list.
 */
import { fold } from '../text';

/** Folded words of a text: lowercase ASCII letters and digits. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Typos forgiven for a word of this length: none under 4 letters, 1 up to 7, 2 beyond. */
export function typoBudget(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

const MAX_EXPANSIONS_PER_WORD = 20;

/**
 * Each query word with the vocabulary words it may stand for (itself first):
 * the words it is a prefix of, then those within its typo budget, each group
 * shortest first, then in alphabetical order, MAX_EXPANSIONS_PER_WORD at most.
 * The order is the same on both engines whatever order the vocabulary was read
 * in (it once kept the first 12 found, a different 12 on each engine).
 */
export function expand(queryWords: readonly string[], vocabulary: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const word of queryWords) {
    out.add(word);
    const prefixes: string[] = [];
    const typos: string[] = [];
    const budget = typoBudget(word);
    for (const candidate of vocabulary) {
      if (candidate === word) continue;
      if (word.length >= 3 && candidate.startsWith(word)) prefixes.push(candidate);
      else if (budget > 0 && editDistance(word, candidate, budget) <= budget) typos.push(candidate);
    }
    const nearest = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
    for (const w of [...prefixes.sort(nearest), ...typos.sort(nearest)].slice(0, MAX_EXPANSIONS_PER_WORD))
      out.add(w);
  }
  return [...out];
}
