/**
 * Two loads started at once through one engine object (src/load/load.ts runs
 * them one at a time), from review 27: into an empty Kuzu store both took the
 * bulk path, and the failing one's rollback (emptying the store) erased the
 * other's completed graph while the version still said it was there.
 */
import { loadFixtures } from '../../src/load/load';
import { vocabulary } from '../../src/search/vocabulary';
import { Repository } from '../../src/store/repository';
import { dumpGraph } from '../helpers/queries';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';

describeEachEngine('two loads at once', (engine) => {
  it('both complete, one after the other, and leave the graph one load leaves', async () => {
    const { store, cleanup } = await engine.open();
    try {
      const alone = await (async () => {
        await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
        const graph = await dumpGraph(store.engine);
        await store.engine.write((tx) => tx.run(store.queries.get('load/reset'), {}));
        return graph;
      })();
      const reports = await Promise.all([
        loadFixtures(store.engine, store.queries, MINI_FIXTURES),
        loadFixtures(store.engine, store.queries, MINI_FIXTURES),
      ]);
      // On Kuzu the first finds the store empty (bulk); the second, run after it, does not.
      if (store.engine.bulkLoad) expect(reports.map((r) => r.mode)).toEqual(['bulk', 'batched']);
      expect(await dumpGraph(store.engine)).toEqual(alone);
      expect((await vocabulary(new Repository(store.engine, store.queries))).has('envoy')).toBe(true);
    } finally {
      await cleanup();
    }
  });
});
