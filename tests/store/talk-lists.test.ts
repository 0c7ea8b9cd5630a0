/**
 * The talk list variants the repository picks by filter (talkList in
 * src/store/repository.ts) must answer exactly as the general list/talks*
 * queries: same talks, order, editions and totals, on each engine, over the
 * real fixtures.
 */
import { join } from 'node:path';
import { loadFixtures } from '../../src/load/load';
import { PROJECT_ROOT } from '../../src/paths';
import type { Row } from '../../src/store/engine';
import type { Store } from '../../src/store/open';
import { describeEachEngine } from '../helpers/engines';

const NO_RELATION = { speakerId: null, companyId: null, projectId: null };
const DIRECT_FILTERS = [
  { editionId: null, kind: null, titleContains: null },
  { editionId: 'edition:kubecon-eu-2019', kind: null, titleContains: null },
  { editionId: null, kind: 'KEYNOTE', titleContains: null },
  { editionId: 'edition:kubecon-eu-2018', kind: 'TALK', titleContains: 'envoy' },
  { editionId: 'edition:nowhere', kind: null, titleContains: null },
];
const SORTS = ['NEWEST', 'OLDEST', 'TITLE'];

const shape = (rows: readonly Row[]) =>
  rows.map((r) => ({
    id: (r.node as { id: string }).id,
    edition: (r.edition as { id: string } | undefined)?.id,
    total: r.total,
  }));

describeEachEngine('talk list variants', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, join(PROJECT_ROOT, 'fixtures'));
  }, 60_000);
  afterAll(() => cleanup());
  const read = (name: string, params: Record<string, string | number | null>) =>
    store.engine.read(store.queries.get(name), params);

  it('list/talks-direct* answer as list/talks* when no relationship filter is set', async () => {
    let nonEmpty = 0;
    for (const filter of DIRECT_FILTERS) {
      for (const sort of SORTS) {
        for (const suffix of ['', '-counted']) {
          const page = { sort, skip: 1, limit: 7 };
          const general = await read(`list/talks${suffix}`, { ...filter, ...NO_RELATION, ...page });
          const direct = await read(`list/talks-direct${suffix}`, { ...filter, ...page });
          expect([filter, sort, suffix, shape(direct)]).toEqual([filter, sort, suffix, shape(general)]);
          if (general.length > 0) nonEmpty++;
        }
      }
      const count = await read('list/talks-count', { ...filter, ...NO_RELATION });
      expect(await read('list/talks-direct-count', filter)).toEqual(count);
    }
    // Three of the filters find more than one talk, under every sort, counted or not.
    expect(nonEmpty).toBeGreaterThanOrEqual(18);
  });

  it('list/talks-unfiltered* answer as list/talks* without filters, editions aside', async () => {
    const none = { editionId: null, kind: null, titleContains: null, ...NO_RELATION };
    for (const sort of SORTS) {
      for (const suffix of ['', '-counted']) {
        const page = { sort, skip: 3, limit: 10 };
        const general = shape(await read(`list/talks${suffix}`, { ...none, ...page }));
        const bare = shape(await read(`list/talks-unfiltered${suffix}`, page));
        expect(bare).toEqual(general.map((r) => ({ ...r, edition: undefined })));
        expect(bare).toHaveLength(10);
      }
    }
  });
});
