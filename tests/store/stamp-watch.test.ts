/**
 * The load stamp (src/load/stamp.ts) and its watcher (src/store/stamp-watch.ts):
 * every completed load writes a new stamp, on each write path, uncounted among
 * the graph's nodes; a service's watcher bumps its graph version when another
 * process loads (an engine object of its own here: versions are kept per
 * engine object), and only then.
 */
import { loadFixtures } from '../../src/load/load';
import type { Engine } from '../../src/store/engine';
import type { Store } from '../../src/store/open';
import { watchLoadStamp } from '../../src/store/stamp-watch';
import { graphVersion } from '../../src/store/version';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';

const stampOf = async (store: Store) =>
  (await store.engine.read(store.queries.get('graph/load-stamp'), {}))[0]?.stamp ?? null;

/** Resolves once `check` holds, or rejects after `ms`. */
async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeEachEngine('load stamp', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await engine.open());
  });
  afterEach(() => cleanup());

  it('changes with every completed load, on every write path, and is not counted as a node', async () => {
    await store.engine.ensureSchema();
    expect(await stampOf(store)).toBeNull();
    const first = await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const afterFirst = await stampOf(store);
    expect(afterFirst).toEqual(expect.any(String));
    expect(Object.keys(first.counts.nodes)).not.toContain('LoadStamp');
    const again = await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    expect(again.mode).toBe('batched');
    const afterSecond = await stampOf(store);
    expect(afterSecond).not.toEqual(afterFirst);
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES, { reset: true });
    expect(await stampOf(store)).not.toEqual(afterSecond);
  });

  it("bumps the service's graph version when another process loads, and not otherwise", async () => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const watch = watchLoadStamp(store.engine, store.queries, { intervalMs: 25 });
    try {
      const before = graphVersion(store.engine);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(graphVersion(store.engine)).toBe(before);
      // Another process: the same store through another engine object, whose loads bump only its own version.
      const other: Engine = Object.create(store.engine);
      await loadFixtures(other, store.queries, MINI_FIXTURES);
      await eventually(() => graphVersion(store.engine) > before);
      // Once: the stamp stays as the load left it.
      const bumped = graphVersion(store.engine);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(graphVersion(store.engine)).toBe(bumped);
    } finally {
      watch.stop();
    }
  });

  it('leaves a load made through the watched engine to bump the version itself: once, not twice', async () => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const watch = watchLoadStamp(store.engine, store.queries, { intervalMs: 25 });
    try {
      const stampBefore = await stampOf(store);
      // The watcher's first read records the current stamp.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const before = graphVersion(store.engine);
      await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
      expect(await stampOf(store)).not.toEqual(stampBefore);
      expect(graphVersion(store.engine)).toBe(before + 1);
      // Many ticks later the watcher has read the new stamp, and left it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(graphVersion(store.engine)).toBe(before + 1);
    } finally {
      watch.stop();
    }
  });

  it('hands every stamp it reads to onRead, the first one included, and none after stop', async () => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const read: unknown[] = [];
    const watch = watchLoadStamp(store.engine, store.queries, {
      intervalMs: 25,
      onRead: (row) => read.push(row?.stamp),
    });
    try {
      await eventually(() => read.length >= 3);
      expect(new Set(read)).toEqual(new Set([await stampOf(store)]));
    } finally {
      watch.stop();
    }
    const count = read.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(read.length).toBe(count);
  });
});
