/**
 * The talks' stored first pages (src/load/heads.ts, src/store/talk-heads.ts):
 * a page they can answer is read from them in one statement and equals the
 * page the full statement gives, in every order, after a bulk load and after a
 * batched one that changes the graph; once the store's stamp is not the one
 * they were stored under (a write by an earlier version), the full statement
 * answers instead, rightly, until the service's start or the next write stores
 * them again.
 */
import { join } from 'node:path';
import { loadFixtures } from '../../src/load/load';
import { completeTalkHeads } from '../../src/load/backfill';
import { PROJECT_ROOT } from '../../src/paths';
import type { StoredNode } from '../../src/store/engine';
import type { Store } from '../../src/store/open';
import { projected, pruned } from '../../src/store/queries';
import { Repository } from '../../src/store/repository';
import { HEAD_PROPERTIES, HEAD_SIZE, headAnswers, TALK_ORDERS } from '../../src/store/talk-heads';
import { describeEachEngine } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';
import { adHocQuery } from '../helpers/queries';

const FIXTURES = join(PROJECT_ROOT, 'fixtures');
const WINDOWS = [
  { skip: 0, limit: 20 },
  { skip: 0, limit: 1 },
  { skip: 5, limit: 10 },
  { skip: 40, limit: 20 },
  { skip: 0, limit: HEAD_SIZE },
  { skip: 60, limit: 40 },
];

/** The window as the full statement gives it (no stored page involved), with the total. */
async function fullPage(store: Store, sort: string, window: { skip: number; limit: number }) {
  const page = projected(store.queries.get('list/talks-unfiltered'), 't', HEAD_PROPERTIES);
  const { query, params } = pruned(page, { sort, ...window });
  const rows = await store.engine.read(query, params);
  const [count] = await store.engine.read(store.queries.get('head/talks-total'), {});
  return { talks: rows.map((r) => fields(r.node as StoredNode)), total: Number(count?.count) };
}

/** What a page's talk says, a missing card as null. */
const fields = (node: StoredNode) =>
  Object.fromEntries(HEAD_PROPERTIES.map((p) => [p, (node as Record<string, unknown>)[p] ?? null]));

async function servedPage(store: Store, sort: string, window: { skip: number; limit: number }) {
  const repo = new Repository(store.engine, store.queries);
  const page = await repo.pageRows(
    'talks',
    {},
    { sort, ...window },
    { counted: true, withEditions: false, properties: [...HEAD_PROPERTIES] },
  );
  return { talks: page.nodes.map(fields), total: page.total, roundTrips: repo.stats.dbRoundTrips };
}

describeEachEngine('stored first pages of the talks', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, FIXTURES);
  });
  afterAll(() => cleanup());

  const expectPagesAsTheFullStatement = async () => {
    for (const sort of TALK_ORDERS) {
      for (const window of WINDOWS) {
        const served = await servedPage(store, sort, window);
        const full = await fullPage(store, sort, window);
        expect({ sort, window, talks: served.talks, total: served.total }).toEqual({
          sort,
          window,
          talks: full.talks,
          total: full.total,
        });
        // One statement: the stored page, its total included.
        expect(served.roundTrips).toBe(1);
      }
    }
  };

  it('answers each order and window as the full statement does, in one statement', async () => {
    const full = await fullPage(store, 'NEWEST', { skip: 0, limit: 20 });
    expect(full.talks).toHaveLength(20);
    expect(full.talks.every((t) => typeof t.participantRows === 'string')).toBe(true);
    await expectPagesAsTheFullStatement();
  });

  it('follows a batched load that changes the graph', async () => {
    const changed = mutatedFixtures((files) => {
      // Renaming the first talk by title moves it in the TITLE order, and drops one talk.
      files.talks[0].title = 'zzz renamed talk';
      files.talks.pop();
    });
    await loadFixtures(store.engine, store.queries, changed, { reset: true });
    const titles = (await servedPage(store, 'TITLE', { skip: 0, limit: HEAD_SIZE })).talks.map(
      (t) => t.title,
    );
    expect(titles).toContain('zzz renamed talk');
    await expectPagesAsTheFullStatement();
    await loadFixtures(store.engine, store.queries, FIXTURES, { reset: true });
    await expectPagesAsTheFullStatement();
  });

  it('leaves a page to the full statement once the store was stamped without storing them', async () => {
    // What a write by an earlier version does: a new stamp, the pages left as they were.
    await store.engine.write((tx) =>
      tx.run(store.queries.get('load/stamp'), { stamp: 'an earlier version', derives: false }),
    );
    for (const sort of TALK_ORDERS) {
      const served = await servedPage(store, sort, { skip: 0, limit: 20 });
      const full = await fullPage(store, sort, { skip: 0, limit: 20 });
      expect(served.talks).toEqual(full.talks);
      expect(served.total).toBe(full.total);
      // The stored page, refused, then the page and its count.
      expect(served.roundTrips).toBeGreaterThan(1);
    }
    // A store written before them has none: the full statement answers, and the start stores them.
    await store.engine.write((tx) =>
      tx.run(adHocQuery('drop-heads', 'MATCH (p:TalkPage) DETACH DELETE p'), {}),
    );
    expect((await servedPage(store, 'NEWEST', { skip: 0, limit: 20 })).roundTrips).toBeGreaterThan(1);
    // The service's start stores them again (src/server/service.ts), once.
    expect(await completeTalkHeads(store.engine, store.queries)).toBe(true);
    expect(await completeTalkHeads(store.engine, store.queries)).toBe(false);
    await expectPagesAsTheFullStatement();
    // As does any later stamped write.
    await store.engine.write((tx) =>
      tx.run(store.queries.get('load/stamp'), { stamp: 'an earlier version, again', derives: false }),
    );
    await loadFixtures(store.engine, store.queries, FIXTURES);
    await expectPagesAsTheFullStatement();
  });
});

describe('which windows a stored page answers', () => {
  const all = [...HEAD_PROPERTIES];
  it('answers the talk orders, within HEAD_SIZE, for the properties it holds', () => {
    expect(headAnswers('NEWEST', { skip: 0, limit: 20 }, ['id', 'title'])).toBe(true);
    expect(headAnswers('TITLE', { skip: HEAD_SIZE - 10, limit: 10 }, all)).toBe(true);
    expect(headAnswers('OLDEST', { skip: HEAD_SIZE - 10, limit: 11 }, all)).toBe(false);
    expect(headAnswers('TALKS', { skip: 0, limit: 20 }, all)).toBe(false);
    expect(headAnswers(null, { skip: 0, limit: 20 }, all)).toBe(false);
    expect(headAnswers('NEWEST', { skip: 0, limit: 20 }, [...all, 'summary'])).toBe(false);
    expect(headAnswers('NEWEST', { skip: 0, limit: 20 }, undefined)).toBe(false);
  });
});
