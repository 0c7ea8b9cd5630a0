/**
 * A read given its request's deadline (ReadOptions, src/store/budget.ts), on
 * each engine: not started once the deadline has passed, stopped by the engine
 * when it runs out (Neo4j's transaction timeout, Kuzu's query timeout) with the
 * REQUEST_TIMEOUT error, and the engine whole afterwards.
 */
import { loadFixtures } from '../../src/load/load';
import type { Store } from '../../src/store/open';
import { TimeBudgetError } from '../../src/errors';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';
import { adHocQuery } from '../helpers/queries';

/**
 * Seconds of work on the mini fixtures (measured: Kuzu 4.3 s, Neo4j 15 s): the
 * 56 nodes four times over, 10 million rows each tested on strings built for
 * it, so no engine can count the product without making it.
 */
const SLOW = adHocQuery(
  'slow',
  'MATCH (a), (b), (c), (d) WHERE toLower(a.id + b.id + c.id) < toUpper(c.id + d.id + a.id) + toLower(d.id + b.id) ' +
    'RETURN count(*) AS n',
);
const EDITIONS = adHocQuery('editions', 'MATCH (e:Edition) RETURN e.id AS id ORDER BY id');

describeEachEngine('reads under a deadline', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
  }, 60_000);
  afterAll(() => cleanup());

  const editions = () => store.engine.read(EDITIONS, {});

  it('answers as without one while it lasts', async () => {
    const deadline = performance.now() + 30_000;
    expect(await store.engine.read(EDITIONS, {}, { deadline })).toEqual(await editions());
  });

  it('does not start a read whose deadline has passed', async () => {
    const read = store.engine.read(SLOW, {}, { deadline: performance.now() - 1 });
    await expect(read).rejects.toBeInstanceOf(TimeBudgetError);
    await expect(read).rejects.toMatchObject({ code: 'REQUEST_TIMEOUT' });
  });

  it('stops a read when its deadline passes, and serves every read after it', async () => {
    // Neo4j looks for timed-out transactions every 200 ms in our launcher (2 s by default:
    // db.transaction.monitor.check.interval), Kuzu as it goes: long before the reads would end.
    const reads = [1, 2, 3].map(() => store.engine.read(SLOW, {}, { deadline: performance.now() + 300 }));
    for (const outcome of await Promise.allSettled(reads)) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(TimeBudgetError);
    }
    // Every connection the stopped reads held answers again, with no timeout left set on it.
    const after = await Promise.all([1, 2, 3, 4, 5, 6].map(() => editions()));
    for (const rows of after) expect(rows.map((r) => r.id)).toHaveLength(3);
  }, 30_000);
});
