/**
 * The talk list variants the repository picks by filter (talkList in
 * src/store/repository.ts), read as the repository reads them (pruned to the
 * guard lines their parameters keep, engine overrides included), against an
 * answer worked out here, on each engine, over the real fixtures: every talk
 * sorted here by its stored key, kept when its own fields match and when it has
 * each asked-for relationship (all read by ad-hoc statements that share no
 * text with the variants), then windowed. Totals and counts must be the kept
 * talks' number; a window past the end is empty.
 * Last, the whole-list order exports walk (Repository.orderedIds), for each
 * list, against the list's own pages.
 */
import { join } from 'node:path';
import { loadFixtures } from '../../src/load/load';
import { PROJECT_ROOT } from '../../src/paths';
import type { Row, StoredNode } from '../../src/store/engine';
import type { Store } from '../../src/store/open';
import { pruned, type NamedQuery } from '../../src/store/queries';
import { compareCodePoints } from '../../src/text';
import { adHocQuery } from '../helpers/queries';
import { Repository, type ListName } from '../../src/store/repository';
import { listFilter } from '../../src/graphql/filters';
import { describeEachEngine } from '../helpers/engines';

type Filter = {
  editionId: string | null;
  kind: string | null;
  titleContains: string | null;
  speakerId: string | null;
  companyId: string | null;
  projectId: string | null;
};
const NONE: Filter = {
  editionId: null,
  kind: null,
  titleContains: null,
  speakerId: null,
  companyId: null,
  projectId: null,
};
/** Each variant's filters, among them the busiest speaker, company and project of the fixtures. */
const CASES: [variant: string, filter: Partial<Filter>][] = [
  ['direct', {}],
  ['direct', { editionId: 'edition:kubecon-eu-2019' }],
  ['direct', { kind: 'KEYNOTE' }],
  ['direct', { editionId: 'edition:kubecon-eu-2018', kind: 'TALK', titleContains: 'envoy' }],
  ['direct', { editionId: 'edition:nowhere' }],
  ['by-speaker', { speakerId: 'person:kelsey-hightower' }],
  ['by-speaker', { speakerId: 'person:liz-rice', kind: 'KEYNOTE' }],
  ['by-speaker', { speakerId: 'person:liz-rice', projectId: 'project:falco' }],
  ['by-speaker', { speakerId: 'person:nobody' }],
  ['by-company', { companyId: 'company:google' }],
  ['by-company', { companyId: 'company:cncf', projectId: 'project:kubernetes' }],
  ['by-project', { projectId: 'project:kubernetes' }],
  ['by-project', { projectId: 'project:kubernetes', editionId: 'edition:kubecon-eu-2019' }],
  ['by-project', { projectId: 'project:kubernetes', titleContains: 'kubernetes' }],
];
const SORTS = ['NEWEST', 'OLDEST', 'TITLE'];
const WINDOW = { skip: 1, limit: 5 };

const adHoc = (name: string, text: string) => adHocQuery(name, text, ['id']);
const RELATED = {
  speakerId: adHoc(
    'speaker-talks',
    'MATCH (p:Person)-[:PRESENTED]->(t:Talk) WHERE p.id = $id RETURN t.id AS id',
  ),
  companyId: adHoc(
    'company-talks',
    'MATCH (c:Company)-[:PRESENTED]->(t:Talk) WHERE c.id = $id RETURN t.id AS id',
  ),
  projectId: adHoc(
    'project-talks',
    'MATCH (t:Talk)-[:MENTIONS]->(p:Project) WHERE p.id = $id RETURN t.id AS id',
  ),
  editionOf: adHoc('talk-edition', 'MATCH (t:Talk)-[:AT]->(e:Edition) WHERE t.id = $id RETURN e.id AS id'),
};
const EVERY_TALK = adHocQuery('every-talk', 'MATCH (t:Talk) RETURN t AS node');
/** The stored key each order sorts by (src/load/sort-keys.ts). */
const SORT_KEYS: Record<string, string> = { NEWEST: 'newestKey', OLDEST: 'oldestKey', TITLE: 'titleKey' };

describeEachEngine('talk list variants', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, join(PROJECT_ROOT, 'fixtures'));
  }, 60_000);
  afterAll(() => cleanup());

  /** As the repository runs a list query: pruned to the guard lines its parameters keep. */
  const read = (name: string, params: Record<string, string | number | null>) => {
    const run = pruned(store.queries.get(name), params);
    return store.engine.read(run.query, run.params);
  };
  const idsOf = async (query: NamedQuery, id: string) =>
    new Set((await store.engine.read(query, { id })).map((r) => String(r.id)));

  /** The talks a filter keeps, in `sort` order, each with its edition's id: worked out without the variants. */
  async function expected(filter: Filter, sort: string): Promise<{ id: string; edition: string }[]> {
    const key = SORT_KEYS[sort]!;
    const every = (await store.engine.read(EVERY_TALK, {}))
      .map((row) => row.node as StoredNode)
      .sort((a, b) => compareCodePoints(String(a[key]), String(b[key])));
    const kept: { id: string; edition: string }[] = [];
    for (const talk of every) {
      const [edition] = await idsOf(RELATED.editionOf, talk.id);
      if (filter.editionId !== null && edition !== filter.editionId) continue;
      if (filter.kind !== null && talk.kind !== filter.kind) continue;
      if (filter.titleContains !== null && !String(talk.searchText).includes(filter.titleContains)) continue;
      let related = true;
      for (const key of ['speakerId', 'companyId', 'projectId'] as const) {
        const id = filter[key];
        if (id !== null && !(await idsOf(RELATED[key], id)).has(talk.id)) related = false;
      }
      if (related) kept.push({ id: talk.id, edition: edition! });
    }
    return kept;
  }

  const shape = (rows: readonly Row[]) =>
    rows.map((r) => ({ id: (r.node as StoredNode).id, edition: (r.edition as StoredNode).id }));

  it('answers every filter with the talks that match it, in order, with their editions and totals', async () => {
    let pagesWithTalks = 0;
    for (const [variant, partial] of CASES) {
      const filter = { ...NONE, ...partial };
      // The direct variants take no relationship filter: Kuzu refuses an unused parameter.
      const params =
        variant === 'direct'
          ? { editionId: filter.editionId, kind: filter.kind, titleContains: filter.titleContains }
          : filter;
      for (const sort of SORTS) {
        const want = await expected(filter, sort);
        const page = want.slice(WINDOW.skip, WINDOW.skip + WINDOW.limit);
        const got = await read(`list/talks-${variant}`, { ...params, sort, ...WINDOW });
        expect([variant, partial, sort, shape(got)]).toEqual([variant, partial, sort, page]);
        const counted = await read(`list/talks-${variant}-counted`, { ...params, sort, ...WINDOW });
        expect(shape(counted)).toEqual(page);
        for (const row of counted)
          expect([variant, partial, row.total]).toEqual([variant, partial, want.length]);
        if (page.length > 0) pagesWithTalks++;
        for (const name of [`list/talks-${variant}`, `list/talks-${variant}-counted`]) {
          const past = await read(name, { ...params, sort, skip: 10_000, limit: 5 });
          expect([name, partial, sort, past]).toEqual([name, partial, sort, []]);
        }
      }
      const [count] = await read(`list/talks-${variant}-count`, params);
      expect([variant, partial, Number(count!.count)]).toEqual([
        variant,
        partial,
        (await expected(filter, 'NEWEST')).length,
      ]);
    }
    // Most cases are not empty: the comparison is not between empty lists.
    expect(pagesWithTalks).toBeGreaterThanOrEqual(30);
  }, 120_000);

  it('orders the unfiltered page with its total as the unfiltered page', async () => {
    for (const sort of SORTS) {
      const page = { sort, skip: 3, limit: 10 };
      const bare = await read('list/talks-unfiltered', page);
      const counted = await read('list/talks-unfiltered-counted', page);
      expect(counted.map((r) => (r.node as StoredNode).id)).toEqual(
        bare.map((r) => (r.node as StoredNode).id),
      );
      expect(counted).toHaveLength(10);
      const all = await read('list/talks-unfiltered', { sort, skip: 0, limit: 10_000 });
      for (const row of counted) expect(row.total).toBe(all.length);
    }
  });

  it('reads a whole filtered list as ids in the order its pages give (what exports walk)', async () => {
    const repo = new Repository(store.engine, store.queries);
    const lists: [ListName, string, Record<string, string>][] = [
      ['talks', 'NEWEST', {}],
      ['talks', 'NEWEST', { editionId: 'edition:kubecon-eu-2019' }],
      ['talks', 'NEWEST', { companyId: 'company:google' }],
      ['talks', 'NEWEST', { projectId: 'project:kubernetes', kind: 'TALK' }],
      ['speakers', 'NAME', {}],
      ['speakers', 'NAME', { editionId: 'edition:kubecon-eu-2019' }],
      ['companies', 'NAME', {}],
      ['projects', 'NAME', { cncf: 'true' }],
    ];
    for (const [list, sort, query] of lists) {
      const filter = listFilter(list, query, 'query-string');
      const paged: string[] = [];
      for (let skip = 0; ; skip += 7) {
        const page = await repo.page(list, filter, sort, skip, 7);
        paged.push(...page.map((node) => node.id));
        if (page.length < 7) break;
      }
      expect(paged.length).toBeGreaterThan(1);
      expect([list, query, await repo.orderedIds(list, filter, sort)]).toEqual([list, query, paged]);
      // The ids are the nodes listNodes reads back, in that order.
      const nodes = await repo.listNodes(list, paged.slice(0, 5));
      expect(nodes.map((node) => node?.id)).toEqual(paged.slice(0, 5));
    }
  });
});
