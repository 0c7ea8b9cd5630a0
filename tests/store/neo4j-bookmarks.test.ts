/**
 * The Neo4j adapter's causal chaining (src/store/neo4j/engine.ts): through a
 * routing URI (a cluster, Aura), every session of an engine shares its
 * bookmark manager, so a read after a load waits for a follower that has the
 * load. One server cannot show the wait; this checks the chain itself, through
 * `neo4j://` to the test server: a write leaves a bookmark in the manager, and
 * the sessions that follow start from it. Through `bolt://` (one server) there
 * is no manager to pay for.
 */
import type { Driver, SessionConfig } from 'neo4j-driver';
import { readConfig } from '../../src/config';
import { loadFixtures } from '../../src/load/load';
import type { Neo4jEngine } from '../../src/store/neo4j/engine';
import { openStore } from '../../src/store/open';
import { describeNeo4j, MINI_FIXTURES, neo4jTestEnv } from '../helpers/engines';

describeNeo4j('Neo4j sessions', (engine) => {
  it('through a routing URI are causally chained: the sessions after a write start from its bookmark', async () => {
    const { store: direct, cleanup } = await engine.open();
    const env = neo4jTestEnv();
    const store = await openStore(
      readConfig({ ...env, NEO4J_URI: env.NEO4J_URI!.replace(/^bolt:/, 'neo4j:') }),
    );
    try {
      expect((direct.engine as Neo4jEngine).bookmarks).toBeUndefined();
      const bookmarks = (store.engine as Neo4jEngine).bookmarks!;
      expect(bookmarks).toBeDefined();
      const before = [...(await bookmarks.getBookmarks())];
      await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
      const after = [...(await bookmarks.getBookmarks())];
      expect(after.length).toBeGreaterThan(0);
      expect(after).not.toEqual(before);
      const driver = (store.engine as unknown as { driver: Driver }).driver;
      const opened: SessionConfig[] = [];
      const session = driver.session.bind(driver);
      const spy = jest.spyOn(driver, 'session').mockImplementation((config) => {
        opened.push(config ?? {});
        return session(config);
      });
      try {
        const [stamp] = await store.engine.read(store.queries.get('graph/load-stamp'), {});
        expect(stamp?.stamp).toEqual(expect.any(String));
        await store.engine.write((tx) =>
          tx.run(store.queries.get('load/stamp'), { stamp: 'a later write', derives: true }),
        );
      } finally {
        spy.mockRestore();
      }
      expect(opened).toHaveLength(2);
      for (const config of opened) expect(config.bookmarkManager).toBe(bookmarks);
      // The write's own commit moved the chain on.
      expect([...(await bookmarks.getBookmarks())]).not.toEqual(after);
    } finally {
      await store.engine.close();
      await cleanup();
    }
  });
});
