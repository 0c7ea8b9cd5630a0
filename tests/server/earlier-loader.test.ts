/**
 * A service sharing its store with a loader of an earlier version, which
 * writes the graph and a load stamp but knows nothing of talk cards or link
 * summaries (review 31, M2): the service's stamp watcher sees the stamp was
 * not derived with (src/store/stamp-watch.ts) and derives them again
 * (src/load/backfill.ts's rederiveStale), so the page's cards, read in its one
 * statement, follow the graph instead of keeping the names it replaced. A
 * stop while that derivation waits on another process's load lock waits at
 * most the drain time, and the derivation, rolled back, commits nothing.
 */
import { describeEachEngine, describeNeo4j, neo4jTestEnv } from '../helpers/engines';
import { blockedTransaction, holdLoadLock } from '../helpers/load-lock';
import { adHocQuery } from '../helpers/queries';
import { startTestService, type TestService } from '../helpers/service';
import { readConfig } from '../../src/config';
import { derivationsStale } from '../../src/load/stamp';
import { openStore } from '../../src/store/open';

const PAGE = '{ talks(first: 50) { edges { node { id speakers { id companies { id name } } } } } }';
type Page = { data: { talks: { edges: { node: { speakers: { companies: { name: string }[] }[] } }[] } } };

describeEachEngine('a service beside an earlier version’s loader', (engine) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(undefined, engine);
  }, 60_000);
  afterAll(() => service.close());

  const companyNames = async (): Promise<string[]> => {
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PAGE }),
    });
    const body = (await res.json()) as Page;
    return body.data.talks.edges.flatMap((e) =>
      e.node.speakers.flatMap((s) => s.companies.map((c) => c.name)),
    );
  };

  it('derives the cards again after its load, so a page names what the graph holds', async () => {
    expect(await companyNames()).toContain('Lyft');
    // The earlier version's load: a renamed company and a new stamp, and nothing derived.
    const earlierLoad = adHocQuery(
      'earlier-load',
      "MATCH (c:Company {id: 'company:lyft'}) SET c.name = 'Lyft Renamed' WITH count(*) AS n " +
        "MATCH (s:LoadStamp {id: 'graph'}) SET s.stamp = 'an earlier version'",
    );
    await service.store.engine.write((tx) => tx.run(earlierLoad, {}));
    // Within the watcher's bound (5 s), and some room for the derivation.
    const end = Date.now() + 15_000;
    let names = await companyNames();
    while (!names.includes('Lyft Renamed') && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      names = await companyNames();
    }
    expect(names).toContain('Lyft Renamed');
    expect(names).not.toContain('Lyft');
    const [stamp] = await service.store.engine.read(service.store.queries.get('graph/load-stamp'), {});
    expect(stamp?.derived).toBe(stamp?.stamp);
  }, 30_000);
});

describeNeo4j('a service stopped while another process’s load holds the lock', (engine) => {
  it('stops within its drain time, and the derivation waiting on that lock commits nothing', async () => {
    const service = await startTestService(undefined, engine, { SHUTDOWN_DRAIN_MS: '1000' });
    const stampQuery = service.store.queries.get('graph/load-stamp');
    try {
      // The other process: an earlier version's load commits a stamp the watcher will find
      // not derived with, then a load of its own takes the lock and holds it, uncommitted.
      const held = await holdLoadLock(
        async () => {},
        (tx) =>
          tx.run(
            adHocQuery(
              'earlier-load',
              "MATCH (s:LoadStamp {id: 'graph'}) SET s.stamp = 'an earlier version'",
            ),
            {},
          ),
      );
      let stopMs = Number.NaN;
      try {
        // The watcher (every second) reads the stale stamp, and its derivation waits on the lock.
        await blockedTransaction(service.store);
        const started = performance.now();
        await service.stop();
        stopMs = performance.now() - started;
      } finally {
        await held.release();
      }
      // The drain time, then closing the driver: not the minutes a load can hold the lock.
      expect(stopMs).toBeLessThan(1000 + 4000);
      const other = await openStore(readConfig(neo4jTestEnv()));
      try {
        const [stamp] = await other.engine.read(stampQuery, {});
        expect(stamp?.stamp).toBe('an earlier version');
        expect(derivationsStale(stamp)).toBe(true);
      } finally {
        await other.engine.close();
      }
    } finally {
      await service.close();
    }
  }, 30_000);
});
