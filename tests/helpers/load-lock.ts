/**
 * Another process's writer on the test Neo4j, holding the load lock
 * (src/load/stamp.ts) while the code under test runs: its own driver and
 * engine object, so nothing in this process puts the two one after the other.
 * For the races the lock closes, which only a shared Neo4j has.
 */
import { readConfig } from '../../src/config';
import { lockLoads } from '../../src/load/stamp';
import type { WriteTransaction } from '../../src/store/engine';
import { openStore, type Store } from '../../src/store/open';
import { neo4jTestEnv } from './engines';
import { adHocQuery } from './queries';

interface HeldLock {
  /** Commits the writer's transaction and closes its driver. */
  release(): Promise<void>;
}

/**
 * Resolves once the writer has taken the lock and run `work`, which is then held
 * uncommitted. `before` is the writer's own committed write just before it takes
 * the lock, one round trip earlier: what a reader may see while the lock is held.
 */
export async function holdLoadLock(
  work: (tx: WriteTransaction) => Promise<unknown>,
  before?: (tx: WriteTransaction) => Promise<unknown>,
): Promise<HeldLock> {
  const other = await openStore(readConfig(neo4jTestEnv()));
  if (before) await other.engine.write(before);
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = () => {};
  const held = new Promise<void>((resolve) => (holding = resolve));
  const writer = other.engine.write(async (tx) => {
    await lockLoads(tx, other.queries);
    await work(tx);
    holding();
    await released;
  });
  await Promise.race([held, writer]);
  return {
    async release() {
      release();
      try {
        await writer;
      } finally {
        await other.engine.close();
      }
    },
  };
}

/** Resolves once a transaction of the Neo4j behind `store` waits on a lock (fails after 20 s, inside Jest's 30 s). */
export async function blockedTransaction(store: Store): Promise<void> {
  const show = adHocQuery('show-transactions', 'SHOW TRANSACTIONS YIELD status RETURN status');
  for (const started = Date.now(); Date.now() - started < 20_000;) {
    const rows = await store.engine.read(show, {});
    if (rows.some((r) => String(r.status).startsWith('Blocked'))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no transaction waited on a lock within 20 s');
}

/**
 * Runs `run` while the other writer holds the load lock after `hold`: the
 * writer commits once a transaction of `store`'s Neo4j waits on a lock (as far
 * into its work as `run` can go), after `whileBlocked` has looked at that
 * moment. Returns what `run` gives.
 */
export async function behindLoadLock<T>(
  store: Store,
  hold: (tx: WriteTransaction) => Promise<unknown>,
  run: () => Promise<T>,
  whileBlocked: () => void = () => {},
): Promise<T> {
  const held = await holdLoadLock(hold);
  let running: Promise<T>;
  try {
    running = run();
    // Awaited below, after the release; a failure before it is reported there.
    running.catch(() => undefined);
    await blockedTransaction(store);
    whileBlocked();
  } finally {
    await held.release();
  }
  return running;
}
