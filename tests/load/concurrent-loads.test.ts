/**
 * Two loads started at once through one engine object (src/load/load.ts runs
 * them one at a time), from review 27: into an empty Kuzu store both took the
 * bulk path, and the failing one's rollback (emptying the store) erased the
 * other's completed graph while the version still said it was there. And two
 * processes loading one Neo4j (src/load/stamp.ts's load lock), from review 31:
 * each derived the cards and link summaries without the other's writes.
 */
import { loadFixtures } from '../../src/load/load';
import { vocabulary } from '../../src/search/vocabulary';
import { Repository } from '../../src/store/repository';
import { dumpGraph } from '../helpers/queries';
import { describeEachEngine, describeNeo4j, MINI_FIXTURES } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';
import { behindLoadLock } from '../helpers/load-lock';
import { adHocQuery } from '../helpers/queries';
import { recard } from '../../src/load/recard';
import { relink } from '../../src/load/relink';

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

describeNeo4j('loads from two processes into one Neo4j', (engine) => {
  it('run one after the other: a load waits for another writer’s commit, then derives from its graph', async () => {
    const { store, cleanup } = await engine.open();
    try {
      await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
      // The mini fixtures without Lyft, so that this load writes nothing the other writer locks:
      // without the load lock it would wait only at its stamp, after deriving its cards and
      // summaries from a graph without the rename (how the race left them stale).
      const withoutLyft = mutatedFixtures((files) => {
        for (const name of ['companies', 'affiliations', 'backs'])
          files[name] = files[name].filter((r: object) => !JSON.stringify(r).includes('company:lyft'));
      });
      // The other writer, as a load begins: the lock, then a write, here one the cards and
      // summaries depend on (Matt Klein's company, and the Lyft–Envoy link).
      let done = false;
      await behindLoadLock(
        store,
        (tx) =>
          tx.run(
            adHocQuery('rename', "MATCH (c:Company {id: 'company:lyft'}) SET c.name = 'Lyft Renamed'"),
            {},
          ),
        () => loadFixtures(store.engine, store.queries, withoutLyft).then(() => (done = true)),
        // The load waits on a lock, as far into its transaction as it can go.
        () => expect(done).toBe(false),
      );
      // The load derived after the rename was committed: every card and summary names Lyft by
      // its new name, and deriving them again writes nothing.
      expect(await store.engine.write((tx) => recard(tx, store.queries))).toMatchObject({ written: 0 });
      expect(await store.engine.write((tx) => relink(tx, store.queries))).toMatchObject({
        linksWritten: 0,
        deleted: 0,
      });
      const names = await store.engine.read(
        adHocQuery(
          'link-name',
          "MATCH (l:Link {companyId: 'company:lyft'}) RETURN DISTINCT l.companyName AS name",
        ),
        {},
      );
      expect(names).toEqual([{ name: 'Lyft Renamed' }]);
    } finally {
      await cleanup();
    }
  });
});
