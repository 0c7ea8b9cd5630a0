/**
 * The stamp watcher (src/store/stamp-watch.ts) where reads go wrong, and the
 * loader's own version bump (src/load/load.ts) where a write fails after its
 * commit, from review 27: another process's load is seen within STALE_MS when
 * each stamp read is slow, after a read that never settles, and when it landed
 * while the first reads failed; a committed load whose write call then throws
 * still changes the version. "Another process" is another engine object on the
 * same store, as in stamp-watch.test.ts (versions and own stamps are per object).
 */
import { rmSync } from 'node:fs';
import { StoreUnavailableError } from '../../src/errors';
import { loadFixtures } from '../../src/load/load';
import { vocabulary } from '../../src/search/vocabulary';
import type { Engine, Row } from '../../src/store/engine';
import type { Store } from '../../src/store/open';
import { Repository } from '../../src/store/repository';
import { watchLoadStamp } from '../../src/store/stamp-watch';
import { graphVersion, STALE_MS } from '../../src/store/version';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stampOf = async (store: Store) =>
  (await store.engine.read(store.queries.get('graph/load-stamp'), {}))[0]?.stamp ?? null;

describeEachEngine('stamp watcher and version when reads or writes go wrong', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let fixtures: string;
  let repo: Repository;
  beforeEach(async () => {
    ({ store, cleanup } = await engine.open());
    // The same graph with a new alias: a word only the vocabulary of the new load holds.
    fixtures = mutatedFixtures((files) => {
      (files.projects as { id: string; aliases: string[] }[])
        .find((p) => p.id === 'project:envoy')!
        .aliases.push('Quokkaproxy');
    });
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    repo = new Repository(store.engine, store.queries);
    expect((await vocabulary(repo)).has('quokkaproxy')).toBe(false);
  });
  afterEach(async () => {
    delete (store.engine as { read?: unknown }).read;
    delete (store.engine as { write?: unknown }).write;
    await cleanup();
    rmSync(fixtures, { recursive: true, force: true });
  });

  /** The watched engine's stamp reads do `stamp(read)` instead, on the same object. */
  function onStampRead(stamp: (read: () => Promise<Row[]>) => Promise<Row[]>): void {
    const real = store.engine.read.bind(store.engine);
    (store.engine as { read: Engine['read'] }).read = (query, params) =>
      query.name === 'graph/load-stamp' ? stamp(() => real(query, params)) : real(query, params);
  }
  const otherProcessLoads = () =>
    loadFixtures(Object.create(store.engine) as Engine, store.queries, fixtures);

  it("sees another process's load that landed while its first reads failed", async () => {
    let failing = true;
    onStampRead((read) => (failing ? Promise.reject(new StoreUnavailableError('unavailable')) : read()));
    const watch = watchLoadStamp(store.engine, store.queries, { intervalMs: 25 });
    try {
      await sleep(100); // a few failed ticks
      const before = graphVersion(store.engine);
      await otherProcessLoads();
      failing = false;
      await sleep(500);
      expect(graphVersion(store.engine)).toBeGreaterThan(before);
      expect((await vocabulary(repo)).has('quokkaproxy')).toBe(true);
    } finally {
      watch.stop();
    }
  });

  it('keeps watching after a read that never settles', async () => {
    let hang = false;
    onStampRead((read) => {
      if (!hang) return read();
      hang = false;
      return new Promise<Row[]>(() => undefined); // a half-open connection: no answer, ever
    });
    const watch = watchLoadStamp(store.engine, store.queries, { intervalMs: 25, deadlineMs: 200 });
    try {
      await sleep(100);
      hang = true;
      await sleep(100);
      const before = graphVersion(store.engine);
      await otherProcessLoads();
      await sleep(1_000);
      expect(graphVersion(store.engine)).toBeGreaterThan(before);
    } finally {
      watch.stop();
    }
  });

  it("bumps within STALE_MS of another process's load when each stamp read takes 3 s", async () => {
    let reads = 0;
    let second!: () => void;
    const secondRead = new Promise<void>((resolve) => (second = resolve));
    onStampRead(async (read) => {
      if (++reads === 2) second();
      const rows = await read(); // the stamp as it is now, answered 3 s later
      await sleep(3_000);
      return rows;
    });
    const watch = watchLoadStamp(store.engine, store.queries); // the service's interval
    try {
      await secondRead; // the first read only records
      const before = graphVersion(store.engine);
      await otherProcessLoads();
      const loadedAt = Date.now();
      while (graphVersion(store.engine) === before && Date.now() - loadedAt < 4 * STALE_MS) await sleep(50);
      expect(Date.now() - loadedAt).toBeLessThanOrEqual(STALE_MS);
    } finally {
      watch.stop();
    }
  }, 60_000);

  it('changes the version for a load whose commit landed but whose write call then threw', async () => {
    const watch = watchLoadStamp(store.engine, store.queries, { intervalMs: 25 });
    try {
      await sleep(200); // the watcher's first read records the stamp
      const before = graphVersion(store.engine);
      const stampBefore = await stampOf(store);
      // As when the connection drops after the server committed, or closing the session fails.
      const write = store.engine.write.bind(store.engine);
      (store.engine as { write: Engine['write'] }).write = async (work) => {
        await write(work);
        throw new StoreUnavailableError('unavailable during a write transaction (SessionExpired)');
      };
      await expect(loadFixtures(store.engine, store.queries, fixtures)).rejects.toThrow(/unavailable/);
      delete (store.engine as { write?: unknown }).write;
      expect(await stampOf(store)).not.toEqual(stampBefore); // the load is in the store
      await sleep(500); // twenty watcher ticks, which leave this engine's own stamp alone
      expect(graphVersion(store.engine)).toBeGreaterThan(before);
      expect((await vocabulary(repo)).has('quokkaproxy')).toBe(true);
    } finally {
      watch.stop();
    }
  });
});
