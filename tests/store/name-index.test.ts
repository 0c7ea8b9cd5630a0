/**
 * The name lists' in-memory index (src/store/name-index.ts): its window on
 * its own, its life across graph versions, and on each engine the pages it
 * gives against the list statements it stands in for.
 */
import { loadFixtures } from '../../src/load/load';
import type { Engine, Params } from '../../src/store/engine';
import type { NamedQuery } from '../../src/store/queries';
import type { Store } from '../../src/store/open';
import { NameIndex, readyNameIndex, warmNameIndexes, type NameRow } from '../../src/store/name-index';
import { NAME_LISTS, Repository, type NameListName } from '../../src/store/repository';
import { bumpGraphVersion } from '../../src/store/version';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';

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
    expect(readyNameIndex(engine, 'projects', read)).toBeUndefined();
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

/** The statements a repository's reads ran, by name, while `run` ran. */
async function statementsOf(engine: Engine, run: () => Promise<unknown>): Promise<string[]> {
  const names: string[] = [];
  const read = engine.read.bind(engine);
  const spy = jest.spyOn(engine, 'read').mockImplementation((query: NamedQuery, params: Params, options) => {
    names.push(query.name);
    return read(query, params, options);
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return names;
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

  /** A page and total as the list's own statements give them (what the index stands in for). */
  async function byStatement(list: NameListName, nameContains: string, skip: number, limit: number) {
    const filter: Record<string, string | null> = { nameContains };
    for (const key of ['maturity', 'cncf', 'editionId', 'companyId']) filter[key] = null;
    const params = (name: string) =>
      Object.fromEntries(
        Object.entries(filter).filter(([key]) => store.queries.get(name).params.includes(key)),
      );
    const page = await repo.read(`list/${list}`, { ...params(`list/${list}`), sort: 'NAME', skip, limit });
    const [count] = await repo.read(`list/${list}-count`, params(`list/${list}-count`));
    return { ids: page.map((row) => (row.node as { id: string }).id), total: Number(count!.count) };
  }

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
            page = await repo.pageRows(list, { nameContains: needle }, { sort: 'NAME', skip, limit });
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
