/**
 * Search's in-memory index (src/search/search-index.ts): its candidates on
 * their own and against every node scored one by one, and on each engine the
 * hits it gives against the full-text statement it stands in for.
 */
import { join } from 'node:path';
import { SearchIndex, type SearchDocument } from '../../src/search/search-index';
import { score } from '../../src/search/rank';
import { expand, words } from '../../src/search/terms';
import { searchCandidates, searchIndex, SEARCH_INDEX } from '../../src/store/analyst';
import { warmIndexes } from '../../src/store/built-index';
import { Repository } from '../../src/store/repository';
import { SEARCHABLE_KINDS } from '../../src/store/kinds';
import { bumpGraphVersion } from '../../src/store/version';
import { PROJECT_ROOT } from '../../src/paths';
import { describeEachEngine } from '../helpers/engines';
import { GraphQLClient } from '../helpers/graphql';
import { startTestService, type TestService } from '../helpers/service';
import { statementsOf } from '../helpers/queries';

const doc = (id: string, text: string, label = text): SearchDocument => ({ id, text, label });

/** The `first` best of `docs` holding an expanded word, scored one by one as the resolver ranks hits. */
function bruteForce(docs: readonly SearchDocument[], query: string, first: number): string[] {
  const queryWords = words(query);
  const vocabulary = new Set(docs.flatMap((d) => words(d.text)));
  const expanded = new Set(expand(queryWords, vocabulary));
  return docs
    .filter((d) => words(d.text).some((w) => expanded.has(w)))
    .map((d) => ({ id: d.id, score: score(queryWords, queryWords.join(' '), d.text, d.label) }))
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, first)
    .map((h) => `${h.id} ${h.score}`);
}

/** The same from the index's candidates: k of each kind as searchCandidates asks. */
function fromIndex(
  index: SearchIndex,
  docs: readonly SearchDocument[],
  query: string,
  first: number,
): string[] {
  const queryWords = words(query);
  const vocabulary = new Set(docs.flatMap((d) => words(d.text)));
  const k = queryWords.length === 1 ? first : Math.max(50, first * 3);
  const candidates = index.candidates(queryWords, expand(queryWords, vocabulary), k);
  return candidates
    .map((d) => ({ id: d.id, score: score(queryWords, queryWords.join(' '), d.text, d.label) }))
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, first)
    .map((h) => `${h.id} ${h.score}`);
}

describe('SearchIndex.candidates', () => {
  const docs = [
    doc('project:envoy', 'envoy'),
    doc('project:envoy-mobile', 'envoy mobile envoy proxy'),
    doc('talk:b', 'scaling envoy at lyft', 'Scaling Envoy at Lyft'),
    doc('talk:a-b', 'envoy in production', 'Envoy in production'),
    doc('talk:ab', 'envoy in production', 'Envoy in production'),
    doc('company:lyft', 'lyft'),
    doc('project:kubernetes', 'kubernetes k8s'),
  ];
  const index = SearchIndex.of(docs);
  const ids = (query: string, expanded: string[], k: number) =>
    index.candidates(words(query), expanded, k).map((d) => d.id);

  it('keeps the best k of each kind: the label that is the query first, then focus, then the id', () => {
    expect(ids('envoy', ['envoy'], 1).sort()).toEqual(['project:envoy', 'talk:a-b']);
    expect(ids('envoy', ['envoy'], 5).sort()).toEqual(
      ['project:envoy', 'project:envoy-mobile', 'talk:a-b', 'talk:ab', 'talk:b'].sort(),
    );
    // "talk:a-b" and "talk:ab" tie: the one localeCompare puts first is kept, as the final ranking would.
    const tied = ['talk:a-b', 'talk:ab'].sort((a, b) => a.localeCompare(b))[0];
    expect(ids('production', ['production'], 1)).toEqual([tied]);
  });

  it('reaches nodes by the expanded words only, and weighs each as rank.ts does', () => {
    // "kube" begins "kubernetes" (0.75); "lyfft" is one typo from "lyft" (0.5).
    expect(ids('kube', ['kube', 'kubernetes'], 5)).toEqual(['project:kubernetes']);
    expect(ids('lyfft', ['lyfft', 'lyft'], 5).sort()).toEqual(['company:lyft', 'talk:b']);
    expect(ids('lyfft', ['lyfft'], 5)).toEqual([]);
    expect(ids('envoy', ['envoy'], 0)).toEqual([]);
    expect(index.candidates([], [], 5)).toEqual([]);
  });

  it('gives the same candidates past the 2^31st search (its marks are int32s)', () => {
    const before = ids('envoy lyft', ['envoy', 'lyft'], 5).sort();
    (index as unknown as { query: number }).query = 0x7fffffff - 1;
    for (let i = 0; i < 3; i++) expect(ids('envoy lyft', ['envoy', 'lyft'], 5).sort()).toEqual(before);
  });

  it('ranks a node holding more of the query words above one holding fewer', () => {
    expect(ids('envoy lyft', ['envoy', 'lyft'], 1).sort()).toEqual([
      'company:lyft',
      'project:envoy',
      'talk:b',
    ]);
  });

  it('gives the hits that scoring every node one by one gives, on generated texts', () => {
    // Deterministic texts over a small vocabulary, so most queries reach many nodes of each kind.
    const vocabulary = [
      'kubernetes',
      'kube',
      'envoy',
      'envoys',
      'proxy',
      'falco',
      'mesh',
      'service',
      'cloud',
      'native',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const kinds = ['talk', 'project', 'company', 'person'];
    const generated = Array.from({ length: 600 }, (_, i) => {
      const length = 1 + Math.floor(next() * 6);
      const text = Array.from({ length }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');
      const label = next() < 0.3 ? text.split(' ')[0]! : text;
      return doc(`${kinds[i % kinds.length]}:n${i}`, text, label);
    });
    const big = SearchIndex.of(generated);
    const queries = ['kubernetes', 'kube', 'envoy', 'envyo', 'falco', 'servce', 'cloud'];
    for (const query of queries) {
      for (const first of [1, 5, 10, 50]) {
        expect([query, first, fromIndex(big, generated, query, first)]).toEqual([
          query,
          first,
          bruteForce(generated, query, first),
        ]);
      }
    }
    // A query of several words: the phrase bonus is the resolver's, within the candidates of each kind.
    for (const query of ['service mesh', 'cloud native envoy']) {
      expect(fromIndex(big, generated, query, 10)).toEqual(bruteForce(generated, query, 10));
    }
  });
});

describeEachEngine('search hits from the index', (engineCase) => {
  let service: TestService;
  let client: GraphQLClient;
  beforeAll(async () => {
    service = await startTestService(join(PROJECT_ROOT, 'fixtures'), engineCase);
    // Its engine is wrapped for each request: it never reaches the service's index, and runs search/query.
    client = await GraphQLClient.start(service.store);
  }, 120_000);
  afterAll(() => service.close());

  const SEARCH = `query($q: String!, $first: Int, $types: [EntityType!]) {
    search(query: $q, first: $first, types: $types) { type label score node { id } } }`;
  const QUERIES = [
    'kuberntes',
    'envoy',
    'kubernetes security',
    'falco',
    'spotify',
    'service mesh',
    'kubecon 2019',
  ];

  async function overHttp(variables: Record<string, unknown>) {
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-debug-stats': '1', 'cache-control': 'no-cache' },
      body: JSON.stringify({ query: SEARCH, variables }),
    });
    const body = (await res.json()) as {
      data: { search: unknown[] };
      extensions: { stats: { dbRoundTrips: number } };
    };
    return body;
  }

  it('gives the hits the full-text statement gives, with no statement for the candidates', async () => {
    for (const q of QUERIES) {
      for (const variables of [{ q }, { q, first: 3 }, { q, types: ['TALK', 'PROJECT'] }]) {
        const indexed = await overHttp(variables);
        const statement = await client.ok(SEARCH, variables);
        expect([variables, indexed.data.search]).toEqual([variables, statement.search]);
        // The hits' nodes, read in one batch per kind; the statement path runs search/query besides.
        const kinds = new Set(indexed.data.search.map((h) => (h as { type: string }).type)).size;
        expect(indexed.extensions.stats.dbRoundTrips).toBe(kinds);
      }
    }
  });

  it('search/documents reads every searchable node once, with its label', async () => {
    const repo = new Repository(service.store.engine, service.store.queries);
    const rows = await repo.read('search/documents', {});
    const texts = await repo.read('search/texts', {});
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.map((r) => r.text).sort()).toEqual(texts.map((r) => r.text).sort());
    const kinds = new Set(rows.map((r) => String(r.id).split(':')[0]));
    expect([...kinds].sort()).toEqual([...SEARCHABLE_KINDS].sort());
    const label = (id: string) => rows.find((r) => r.id === id)?.label;
    expect(label('project:envoy')).toBe('Envoy');
    expect(label('edition:kubecon-eu-2019')).toMatch(/KubeCon/);
  });

  it('runs the statement until a new graph version’s index is built, then no more', async () => {
    const { engine, queries } = service.store;
    const repo = new Repository(engine, queries);
    const queryWords = words('envoy');
    // The service's stamp watch reads graph/load-stamp each second (src/store/stamp-watch.ts),
    // whenever its tick falls: not the search's.
    const ofSearch = (names: string[]) => names.filter((name) => name !== 'graph/load-stamp');
    bumpGraphVersion(engine);
    const stale = ofSearch(
      await statementsOf(engine, () => searchCandidates(repo, queryWords, queryWords, 10)),
    );
    // The candidates' statement, and the new version's index read in the background.
    expect(stale.sort()).toEqual(['search/documents', 'search/query']);
    await warmIndexes(engine, [SEARCH_INDEX], () => searchIndex(repo));
    let found: Awaited<ReturnType<typeof searchCandidates>> = [];
    const fresh = ofSearch(
      await statementsOf(engine, async () => {
        found = await searchCandidates(repo, queryWords, queryWords, 10);
      }),
    );
    expect(fresh).toEqual([]);
    expect(found.map((c) => c.id)).toContain('project:envoy');
  });
});
