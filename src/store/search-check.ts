/**
 * Does full-text search still find what the graph holds? Asked at start (and
 * by /readyz while the answer is no), because a Kuzu index can come back from
 * a crash missing documents while every other query works (see
 * src/store/kuzu/engine.ts). Engine-neutral: it uses the same named queries
 * as Query.search.
 */
import type { Engine } from './engine';
import type { QueryRegistry } from './queries';
import { fold } from '../text';

/**
 * The words of a text an index certainly keeps: runs of letters. Kuzu's FTS
 * drops digits and punctuation (`k3s` becomes `k` and `s`, both ignored), so
 * a node is only expected to be found when it holds a word of five letters
 * or more — short enough for every real name, long enough that no English
 * stop word list holds them all.
 */
function indexWords(text: string): string[] {
  return fold(text)
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 3);
}
const FINDABLE = 5;

/** Words per index query: well under Lucene's 1,024-clause limit on Neo4j. */
const WORDS_PER_QUERY = 400;

export interface SearchCheck {
  ok: boolean;
  /** Nodes with a search text. */
  expected: number;
  /** Ids no index query found (the first few). */
  missing: string[];
  /** A word only one node holds, and that node: a cheap live probe for /readyz. */
  probe?: { word: string; id: string };
}

/**
 * Queries the indexes with every word the graph holds, a slice at a time, and
 * compares the nodes found with the nodes that have a search text.
 */
export async function checkSearch(engine: Engine, queries: QueryRegistry): Promise<SearchCheck> {
  const rows = await engine.read(queries.get('search/indexed'), {});
  const holders = new Map<string, Set<string>>();
  const expected = new Set<string>();
  for (const row of rows) {
    const textWords = indexWords(String(row.text));
    if (textWords.some((w) => w.length >= FINDABLE)) expected.add(String(row.id));
    for (const word of textWords) {
      let ids = holders.get(word);
      if (!ids) holders.set(word, (ids = new Set()));
      ids.add(String(row.id));
    }
  }
  const found = new Set<string>();
  const vocabulary = [...holders.keys()].sort();
  const query = queries.get('search/query');
  for (let i = 0; i < vocabulary.length; i += WORDS_PER_QUERY) {
    const slice = vocabulary.slice(i, i + WORDS_PER_QUERY);
    for (const hit of await engine.read(query, { q: slice.join(' '), k: rows.length })) found.add(String(hit.id));
  }
  const missing = [...expected].filter((id) => !found.has(id));
  // The probe: the longest word held by exactly one node (long words are neither stop words nor stemmed away).
  let probe: SearchCheck['probe'];
  for (const [word, ids] of holders) {
    if (ids.size === 1 && word.length >= FINDABLE && (!probe || word.length > probe.word.length)) {
      const [id] = ids;
      if (found.has(id!)) probe = { word, id: id! };
    }
  }
  return { ok: missing.length === 0, expected: expected.size, missing: missing.slice(0, 10), probe };
}

/** The live probe: one index query for a word only `probe.id` holds. */
export async function probeSearch(
  engine: Engine,
  queries: QueryRegistry,
  probe: NonNullable<SearchCheck['probe']>,
): Promise<boolean> {
  const hits = await engine.read(queries.get('search/query'), { q: probe.word, k: 10 });
  return hits.some((h) => String(h.id) === probe.id);
}
