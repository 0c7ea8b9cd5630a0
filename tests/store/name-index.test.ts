/**
 * The name lists' in-memory index (src/store/name-index.ts): its window on
 * its own, its life across graph versions, and on each engine the pages it
 * gives against the list statements it stands in for.
 */
import { loadFixtures } from '../../src/load/load';
import type { Engine } from '../../src/store/engine';
import type { QueryRegistry } from '../../src/store/queries';
import type { Store } from '../../src/store/open';
import { NameIndex, readyNameIndex, warmNameIndexes, type NameRow } from '../../src/store/name-index';
import { NAME_LISTS, Repository, type NameListName } from '../../src/store/repository';
import { bumpGraphVersion } from '../../src/store/version';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';
import { startTestService, type TestService } from '../helpers/service';
import { statementsOf } from '../helpers/queries';

const rows = (texts: string[]): NameRow[] => texts.map((text, i) => ({ id: `n${i}`, text }));

describe('NameIndex.window', () => {
  const index = NameIndex.of(
    rows(['falco', 'envoy proxy', 'falco sidekick falco', '', 'kube falco', 'falcon']),
  )!;

  it('finds the texts holding the needle in their order, each once, with the total', () => {
    expect(index.window('falco', 0, 10)).toEqual({ ids: ['n0', 'n2', 'n4', 'n5'], total: 4 });
    expect(index.window('falco', 1, 2)).toEqual({ ids: ['n2', 'n4'], total: 4 });
    expect(index.window('falco', 4, 2)).toEqual({ ids: [], total: 4 });
    expect(index.window('falco', 0, 0)).toEqual({ ids: [], total: 4 });
    expect(index.window('proxy', 0, 10)).toEqual({ ids: ['n1'], total: 1 });
    expect(index.window('istio', 0, 10)).toEqual({ ids: [], total: 0 });
  });

  it('counts only up to countTo: a page that shows no total stops once it is full', () => {
    expect(index.window('falco', 0, 2, 2)).toEqual({ ids: ['n0', 'n2'], total: 2 });
    expect(index.window('falco', 1, 2, 3)).toEqual({ ids: ['n2', 'n4'], total: 3 });
    expect(index.window('falco', 0, 10, 10)).toEqual({ ids: ['n0', 'n2', 'n4', 'n5'], total: 4 });
  });

  it('matches no run of two texts, and answers no needle it cannot search', () => {
    // "envoy" ends one text and "falco" starts the next: joined, they must not meet.
    expect(index.window('proxyfalco', 0, 10)!.total).toBe(0);
    expect(index.window('proxy falco', 0, 10)!.total).toBe(0);
    expect(index.window('proxy\nfalco', 0, 10)).toBeNull();
    expect(index.window('', 0, 10)).toBeNull();
  });

  it('refuses texts that hold its separator', () => {
    expect(NameIndex.of(rows(['a', 'b\nc']))).toBeNull();
    expect(NameIndex.of([])!.window('a', 0, 1)).toEqual({ ids: [], total: 0 });
  });
});

describe('readyNameIndex', () => {
  const engine = {} as Engine;
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('is built in the background once per graph version, and a failed build is tried again', async () => {
    let reads = 0;
    let fail = true;
    const read = async () => {
      reads += 1;
      if (fail) throw new Error('down');
      return rows([`text ${reads}`]);
    };
    expect(readyNameIndex(engine, 'projects', read)).toBeUndefined();
    expect(readyNameIndex(engine, 'projects', read)).toBeUndefined();
    await settle();
    expect(reads).toBe(1);
    fail = false;
    // Not at once (src/store/built-index.ts backs off), but a second later.
    expect(readyNameIndex(engine, 'projects', read)).toBeUndefined();
    await settle();
    expect(reads).toBe(1);
    expect(readyNameIndex(engine, 'projects', read, Date.now() + 1_000)).toBeUndefined();
    await settle();
    expect(reads).toBe(2);
    expect(readyNameIndex(engine, 'projects', read)!.window('text 2', 0, 1)!.total).toBe(1);
    expect(reads).toBe(2);
    // A load: the old index is not used, and the new version's is read anew.
    bumpGraphVersion(engine);
    expect(readyNameIndex(engine, 'projects', read)).toBeUndefined();
    await settle();
    expect(readyNameIndex(engine, 'projects', read)!.window('text 3', 0, 1)!.total).toBe(1);
  });

  it('keeps serving an old index while a refresh reads, and drops a build a load overtook', async () => {
    const other = {} as Engine;
    await warmNameIndexes(other, ['companies'], async () => rows(['first']));
    let release!: (rows: NameRow[]) => void;
    const later = Date.now() + 61_000;
    const refresh = () => new Promise<NameRow[]>((resolve) => (release = resolve));
    expect(readyNameIndex(other, 'companies', refresh, later)!.window('first', 0, 1)!.total).toBe(1);
    expect(readyNameIndex(other, 'companies', refresh, later)!.window('first', 0, 1)!.total).toBe(1);
    release(rows(['second']));
    await settle();
    expect(readyNameIndex(other, 'companies', refresh)!.window('second', 0, 1)!.total).toBe(1);
    // A build under one version whose answer arrives after a load is not kept.
    bumpGraphVersion(other);
    expect(readyNameIndex(other, 'companies', refresh)).toBeUndefined();
    bumpGraphVersion(other);
    release(rows(['stale']));
    await settle();
    expect(readyNameIndex(other, 'companies', async () => rows(['fresh']))).toBeUndefined();
    await settle();
    expect(readyNameIndex(other, 'companies', refresh)!.window('stale', 0, 1)!.total).toBe(0);
  });
});

/** A page and total as the list's own statements give them (what the index stands in for). */
async function statementPage(
  repo: Repository,
  queries: QueryRegistry,
  list: NameListName,
  nameContains: string,
  skip: number,
  limit: number,
): Promise<{ ids: string[]; total: number }> {
  const filter: Record<string, string | null> = { nameContains };
  for (const key of ['maturity', 'cncf', 'editionId', 'companyId']) filter[key] = null;
  // Each statement binds the filters it names (Kuzu insists on exactly those).
  const params = (name: string) => {
    const names = queries.get(name).params;
    return Object.fromEntries(Object.entries(filter).filter(([key]) => names.includes(key)));
  };
  const page = await repo.read(`list/${list}`, { ...params(`list/${list}`), sort: 'NAME', skip, limit });
  const [count] = await repo.read(`list/${list}-count`, params(`list/${list}-count`));
  return { ids: page.map((row) => (row.node as { id: string }).id), total: Number(count!.count) };
}

describeEachEngine('name-list pages from the name index', (engineCase) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let repo: Repository;

  beforeAll(async () => {
    ({ store, cleanup } = await engineCase.open());
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    repo = new Repository(store.engine, store.queries);
    await warmNameIndexes(store.engine, NAME_LISTS, (list) => repo.nameTexts(list));
  }, 120_000);
  afterAll(() => cleanup());

  const byStatement = (list: NameListName, nameContains: string, skip: number, limit: number) =>
    statementPage(repo, store.queries, list, nameContains, skip, limit);

  const NEEDLES = ['a', 'e', 'o', 'kube', 'nova', 'von der', 'zzz'];

  it('gives each list’s pages and totals as its statements do, in one lookup statement', async () => {
    let compared = 0;
    for (const list of NAME_LISTS) {
      for (const needle of NEEDLES) {
        for (const [skip, limit] of [
          [0, 3],
          [1, 2],
          [2, 50],
        ] as const) {
          const expected = await byStatement(list, needle, skip, limit);
          let page!: Awaited<ReturnType<Repository['pageRows']>>;
          const ran = await statementsOf(store.engine, async () => {
            page = await repo.pageRows(
              list,
              { nameContains: needle },
              { sort: 'NAME', skip, limit },
              { counted: true },
            );
          });
          expect({ list, needle, skip, ids: page.nodes.map((node) => node.id), total: page.total }).toEqual({
            list,
            needle,
            skip,
            ...expected,
          });
          expect(ran).toEqual(expected.ids.length === 0 ? [] : [expect.stringMatching(/^node\/one\[n:/)]);
          if (expected.ids.length > 0) compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('stops counting once the page is full when no total is asked, the page and `more` unchanged', async () => {
    let capped = 0;
    for (const needle of NEEDLES) {
      for (const [skip, limit] of [
        [0, 2],
        [1, 3],
        [0, 50],
      ] as const) {
        const window = { sort: 'NAME', skip, limit };
        const counted = await repo.pageRows('speakers', { nameContains: needle }, window, {
          counted: true,
          peek: true,
        });
        const page = await repo.pageRows('speakers', { nameContains: needle }, window, { peek: true });
        expect({ needle, skip, ids: page.nodes.map((n) => n.id), more: page.more }).toEqual({
          needle,
          skip,
          ids: counted.nodes.map((n) => n.id),
          more: counted.more,
        });
        // A total the scan may have cut short is not given; one it finished is.
        const full = counted.total! >= skip + limit;
        expect([needle, skip, page.total]).toEqual([needle, skip, full ? null : counted.total]);
        if (full) capped += 1;
      }
    }
    expect(capped).toBeGreaterThan(3);
  });

  it('reads no row past a connection’s page (peek), telling whether more follow instead', async () => {
    for (const [needle, skip, limit] of [
      ['a', 0, 3],
      ['a', 1, 50],
      ['o', 0, 1],
      ['zzz', 0, 3],
    ] as const) {
      const expected = await byStatement('speakers', needle, skip, limit);
      let page!: Awaited<ReturnType<Repository['pageRows']>>;
      const ran = await statementsOf(store.engine, async () => {
        page = await repo.pageRows(
          'speakers',
          { nameContains: needle },
          { sort: 'NAME', skip, limit },
          { peek: true },
        );
      });
      const shown = expected.ids.slice(0, limit - 1);
      expect({ needle, skip, ids: page.nodes.map((node) => node.id), more: page.more }).toEqual({
        needle,
        skip,
        ids: shown,
        more: expected.ids.length === limit,
      });
      expect(ran).toEqual(shown.length === 0 ? [] : [expect.stringMatching(new RegExp(`×${shown.length}$`))]);
    }
  });

  it('reads a page’s nodes whole, or as the properties asked, and counts with no statement', async () => {
    const whole = await repo.pageRows('projects', { nameContains: 'o' }, { sort: 'NAME', skip: 0, limit: 2 });
    const [envoy] = await repo.nodesByIds('Project', [whole.nodes[0]!.id]);
    expect(whole.nodes[0]).toEqual(envoy);
    const partial = await repo.pageRows(
      'projects',
      { nameContains: 'o' },
      { sort: 'NAME', skip: 0, limit: 2 },
      { properties: ['id', 'name'] },
    );
    expect(partial.nodes.map((node) => Object.keys(node).sort())).toEqual([
      ['__label', 'id', 'name'],
      ['__label', 'id', 'name'],
    ]);
    expect(await statementsOf(store.engine, () => repo.count('speakers', { nameContains: 'a' }))).toEqual([]);
    const all = await statementsOf(store.engine, () =>
      repo.orderedIds('companies', { nameContains: 'o' }, 'NAME'),
    );
    expect(all).toEqual([]);
  });

  it('leaves other filters, the TALKS order and a new graph version to the statements', async () => {
    const other = await statementsOf(store.engine, () =>
      repo.pageRows('projects', { nameContains: 'o', cncf: true }, { sort: 'NAME', skip: 0, limit: 5 }),
    );
    expect(other).toEqual([expect.stringMatching(/^list\/projects/)]);
    const byTalks = await statementsOf(store.engine, () =>
      repo.pageRows('companies', { nameContains: 'o' }, { sort: 'TALKS', skip: 0, limit: 5 }),
    );
    expect(byTalks).toEqual([expect.stringMatching(/^list\/companies/)]);
    bumpGraphVersion(store.engine);
    const expected = await byStatement('speakers', 'a', 0, 5);
    let page!: Awaited<ReturnType<Repository['pageRows']>>;
    const stale = await statementsOf(store.engine, async () => {
      page = await repo.pageRows('speakers', { nameContains: 'a' }, { sort: 'NAME', skip: 0, limit: 5 });
    });
    // The page's own statement, and the new version's index read in the background.
    expect(stale.sort()).toEqual([
      expect.stringMatching(/^list\/speakers-/),
      expect.stringMatching(/^list\/speakersp\{id,name,searchText\}/),
    ]);
    expect(page.nodes.map((node) => node.id)).toEqual(expected.ids);
    await warmNameIndexes(store.engine, NAME_LISTS, (list) => repo.nameTexts(list));
    const fresh = await statementsOf(store.engine, () =>
      repo.pageRows('speakers', { nameContains: 'a' }, { sort: 'NAME', skip: 0, limit: 5 }),
    );
    expect(fresh).toEqual([expect.stringMatching(/^node\/one\[n:Person\]/)]);
  });
});

describeEachEngine('name-list connections over HTTP, from the index built at start', (engineCase) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(undefined, engineCase);
  }, 120_000);
  afterAll(() => service.close());

  /** Every page of a connection, `first` at a time, following endCursor; with each page's round trips. */
  async function walk(list: NameListName, needle: string, first: number) {
    const pages: { ids: string[]; total: number; more: boolean; trips: number }[] = [];
    let after: string | null = null;
    do {
      const res = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-debug-stats': '1' },
        body: JSON.stringify({
          query: `query($f: String, $first: Int, $after: String) { page: ${list}(filter: { nameContains: $f }, first: $first, after: $after) {
            totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } } }`,
          variables: { f: needle, first, after },
        }),
      });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const body = (await res.json()) as any;
      expect(body.errors).toBeUndefined();
      const { page } = body.data;
      pages.push({
        ids: page.edges.map((edge: { node: { id: string } }) => edge.node.id),
        total: page.totalCount,
        more: page.pageInfo.hasNextPage,
        trips: body.extensions.stats.dbRoundTrips,
      });
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && pages.length < 50);
    return pages;
  }

  it('pages each list as its statement orders it, hasNextPage from the index, one statement a page', async () => {
    const repo = new Repository(service.store.engine, service.store.queries);
    for (const list of NAME_LISTS) {
      for (const needle of ['a', 'o', 'nova', 'zzz']) {
        const { ids: expected, total } = await statementPage(
          repo,
          service.store.queries,
          list,
          needle,
          0,
          1000,
        );
        const pages = await walk(list, needle, 2);
        expect({ list, needle, ids: pages.flatMap((page) => page.ids) }).toEqual({
          list,
          needle,
          ids: expected,
        });
        expect(pages.map((page) => page.more)).toEqual(pages.map((_, i) => i < pages.length - 1));
        expect(pages.every((page) => page.total === total)).toBe(true);
        // The page's lookups only: no count statement, no extra row read (an empty page reads nothing).
        expect(pages.map((page) => page.trips)).toEqual(pages.map((page) => (page.ids.length ? 1 : 0)));
      }
    }
  });
});
