/**
 * Does full-text search still find what the graph holds? Asked at start (and
 * by /readyz while the answer is no), because a Kuzu index can come back from
 * a crash missing documents while every other query works (see
 * src/store/kuzu/engine.ts). Engine-neutral: it uses the same named queries
 * as Query.search.
 */
import type { Engine } from './engine';
import type { QueryRegistry } from './queries';
import { words } from '../search/terms';
import { queryTokens } from '../search/tokens';

/**
 * The indexes hold every word of a text, stop words and words with digits
 * included (src/search/tokens.ts), so every node with a word is expected to
 * be found. Probes use words of this length or more: the longer the word, the
 * likelier it is one node's alone.
 */
const PROBE_LENGTH = 5;

/** Words per index query: well under Lucene's 1,024-clause limit on Neo4j. */
const WORDS_PER_QUERY = 400;

export interface SearchCheck {
  ok: boolean;
  /** Nodes with a search text. */
  expected: number;
  /** Ids no index query found (the first few). */
  missing: string[];
  /**
   * Per kind of node (one full-text index each on Kuzu), a word only one node
   * holds, and that node: /readyz asks for all of them in one cheap query.
   */
  probes: { word: string; id: string }[];
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
    const textWords = words(String(row.text));
    if (textWords.length > 0) expected.add(String(row.id));
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
    for (const hit of await engine.read(query, { q: queryTokens(slice), k: rows.length }))
      found.add(String(hit.id));
  }
  const missing = [...expected].filter((id) => !found.has(id));
  // Per kind, the longest word exactly one node holds (long words are neither stop words nor stemmed away).
  const probes = new Map<string, { word: string; id: string }>();
  for (const [word, ids] of holders) {
    const [id] = ids;
    if (ids.size !== 1 || word.length < PROBE_LENGTH || !found.has(id!)) continue;
    const kind = id!.slice(0, id!.indexOf(':'));
    const best = probes.get(kind);
    if (!best || word.length > best.word.length || (word.length === best.word.length && word < best.word)) {
      probes.set(kind, { word, id: id! });
    }
  }
  return {
    ok: missing.length === 0,
    expected: expected.size,
    missing: missing.slice(0, 10),
    probes: [...probes.values()].sort((x, y) => x.id.localeCompare(y.id)),
  };
}

/**
 * The live probe: one index query with every probe word. Each word belongs to
 * one node, so every probe node must come back (each index returns at most
 * as many hits as probe words, well under `k`).
 */
export async function probeSearch(
  engine: Engine,
  queries: QueryRegistry,
  probes: SearchCheck['probes'],
): Promise<boolean> {
  if (probes.length === 0) return true;
  const q = queryTokens(probes.map((p) => p.word));
  const hits = new Set(
    (await engine.read(queries.get('search/query'), { q, k: probes.length + 10 })).map((h) => String(h.id)),
  );
  return probes.every((p) => hits.has(p.id));
}
