/**
 * A transaction over Neo4j's memory limit (the test launcher allows 128 MiB a
 * transaction) fails at once, as a StoreError naming the limit: not retried by
 * the driver, and not reported as the database being unavailable.
 */
import { StoreError, StoreUnavailableError } from '../../src/errors';
import type { Store } from '../../src/store/open';
import { describeNeo4j } from '../helpers/engines';
import { adHocQuery } from '../helpers/queries';

/** Some 300 MiB of strings in one transaction's memory. */
const HUNGRY = adHocQuery(
  'hungry',
  "UNWIND range(1, 6000000) AS i WITH collect('item ' + toString(i)) AS xs RETURN size(xs) AS n",
);

describeNeo4j('a transaction over the memory limit', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await engine.open());
  });
  afterEach(() => cleanup());

  // Neo4j's alone: Kuzu has no per-transaction memory limit.
  const onNeo4j = engine.name === 'neo4j' ? it : () => undefined;
  onNeo4j(
    'fails once, naming the limit, for a write and for a read',
    async () => {
      let attempts = 0;
      const write = store.engine.write(async (tx) => {
        attempts++;
        return tx.run(HUNGRY, {});
      });
      await expect(write).rejects.toThrow(/ran out of memory .*db\.memory\.transaction\.max/);
      await expect(write).rejects.toBeInstanceOf(StoreError);
      await expect(write).rejects.not.toBeInstanceOf(StoreUnavailableError);
      expect(attempts).toBe(1);
      const read = store.engine.read(HUNGRY, {});
      await expect(read).rejects.toThrow(/ran out of memory/);
      await expect(read).rejects.not.toBeInstanceOf(StoreUnavailableError);
    },
    60_000,
  );
});
