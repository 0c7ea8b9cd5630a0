/**
 * A store written by an earlier version, without the talks' sort keys, the
 * nodes' index words or the editions' stored counts and ranks, gets them at start (src/load/backfill.ts), on each
 * engine, and then answers as a freshly loaded one.
 */
import { countUncountedEditions, keyUnkeyedTalks, tokenizeUntokenised } from '../../src/load/backfill';
import { words } from '../../src/search/terms';
import { queryTokens } from '../../src/search/tokens';
import { KINDS, SEARCHABLE_KINDS } from '../../src/store/kinds';
import { loadFixtures } from '../../src/load/load';
import { adHocQuery, TOKEN_INDEXES } from '../helpers/queries';
import type { Store } from '../../src/store/open';
import { describeEachEngine, MINI_FIXTURES, NEO4J, NEO4J_ENABLED, skipNeo4j } from '../helpers/engines';

describeEachEngine('a store written without the derived properties', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
  });
  afterEach(() => cleanup());

  it('gets its talks’ sort keys back, equal to those a load stores', async () => {
    const keys = adHocQuery(
      'talk-keys',
      'MATCH (t:Talk)-[:AT]->(e:Edition) RETURN t.id AS id, t.newestKey AS n, t.oldestKey AS o, t.titleKey AS k, ' +
        't.editionId AS e, e.id AS at ORDER BY id',
    );
    const loaded = await store.engine.read(keys, {});
    expect(loaded).toHaveLength(4);
    expect(loaded.every((r) => typeof r.n === 'string' && typeof r.k === 'string')).toBe(true);
    // The stored edition id is the edition the talk is AT.
    expect(loaded.every((r) => typeof r.e === 'string' && r.e === r.at)).toBe(true);
    expect(await keyUnkeyedTalks(store.engine, store.queries)).toBe(0);

    const unkey = adHocQuery(
      'unkey',
      'MATCH (t:Talk) SET t.newestKey = NULL, t.oldestKey = NULL, t.titleKey = NULL, t.editionId = NULL',
    );
    await store.engine.write((tx) => tx.run(unkey, {}));
    expect((await store.engine.read(keys, {})).every((r) => r.n === null)).toBe(true);
    expect(await keyUnkeyedTalks(store.engine, store.queries)).toBe(4);
    expect(await store.engine.read(keys, {})).toEqual(loaded);
    // A store that has its sort keys but no edition ids (the previous version) gets those too.
    await store.engine.write((tx) =>
      tx.run(adHocQuery('unedition', 'MATCH (t:Talk) SET t.editionId = NULL'), {}),
    );
    expect(await keyUnkeyedTalks(store.engine, store.queries)).toBe(4);
    expect(await store.engine.read(keys, {})).toEqual(loaded);
  });

  it('gets its nodes’ index words back, equal to those a load stores, and search finds the nodes again', async () => {
    const tokens = adHocQuery(
      'tokens',
      'MATCH (n) WHERE n.searchText IS NOT NULL RETURN n.id AS id, n.searchText AS text, n.searchTokens AS tokens ORDER BY id',
    );
    const loaded = await store.engine.read(tokens, {});
    expect(loaded.length).toBeGreaterThan(10);
    expect(loaded.every((r) => typeof r.tokens === 'string' && r.tokens !== '')).toBe(true);
    expect(await tokenizeUntokenised(store.engine, store.queries)).toBe(0);
    // A word of the first node's text, and what the index finds for it.
    const [first] = loaded;
    const word = words(String(first!.text)).sort((a, b) => b.length - a.length)[0]!;
    const found = async () =>
      (await store.engine.read(store.queries.get('search/query'), { q: queryTokens([word]), k: 100 })).map(
        (r) => r.id,
      );
    expect(await found()).toContain(first!.id);

    for (const kind of SEARCHABLE_KINDS) {
      const untokenise = adHocQuery(
        `untokenise-${kind}`,
        `MATCH (n:${KINDS[kind]}) SET n.searchTokens = NULL`,
      );
      await store.engine.write((tx) => tx.run(untokenise, {}));
    }
    expect((await store.engine.read(tokens, {})).every((r) => r.tokens === null)).toBe(true);
    expect(await found()).toEqual([]);
    expect(await tokenizeUntokenised(store.engine, store.queries)).toBe(loaded.length);
    expect(await store.engine.read(tokens, {})).toEqual(loaded);
    expect(await found()).toContain(first!.id);
  });

  it('gets its editions’ counts back, equal to those a load stores', async () => {
    const stats = store.queries.get('analyst/edition-stats');
    const loaded = await store.engine.read(stats, { first: 100 });
    expect(loaded.map((r) => Number(r.talks))).toEqual([1, 1, 2]); // EU 2020, NA 2019, EU 2018
    expect(await countUncountedEditions(store.engine, store.queries)).toBe(false);

    const uncount = adHocQuery(
      'uncount',
      'MATCH (e:Edition) SET e.talkCount = NULL, e.speakerCount = NULL, e.companyCount = NULL, ' +
        'e.projectCount = NULL, e.announcementCount = NULL',
    );
    await store.engine.write((tx) => tx.run(uncount, {}));
    expect((await store.engine.read(stats, { first: 100 })).every((r) => r.talks === null)).toBe(true);
    expect(await countUncountedEditions(store.engine, store.queries)).toBe(true);
    expect(await store.engine.read(stats, { first: 100 })).toEqual(loaded);
  });

  it('writes a new load stamp with each backfill that writes, so other instances drop what they derived', async () => {
    const stamp = async () =>
      (await store.engine.read(store.queries.get('graph/load-stamp'), {}))[0]?.stamp ?? null;
    const cases: [string, string, () => Promise<unknown>][] = [
      ['unkey', 'MATCH (t:Talk) SET t.newestKey = NULL', () => keyUnkeyedTalks(store.engine, store.queries)],
      [
        'untokenise',
        'MATCH (n:Project) SET n.searchTokens = NULL',
        () => tokenizeUntokenised(store.engine, store.queries),
      ],
      [
        'uncount',
        'MATCH (e:Edition) SET e.talkCount = NULL',
        () => countUncountedEditions(store.engine, store.queries),
      ],
    ];
    for (const [name, undo, backfill] of cases) {
      const before = await stamp();
      await backfill(); // nothing to do: no stamp
      expect([name, await stamp()]).toEqual([name, before]);
      await store.engine.write((tx) => tx.run(adHocQuery(name, undo), {}));
      await backfill();
      const after = await stamp();
      expect([name, after === before]).toEqual([name, false]);
      expect(after).toEqual(expect.any(String));
    }
  });

  it('gets its editions’ ranks back: a store with counts but no ranks (the previous version)', async () => {
    const ranks = adHocQuery(
      'ranks',
      'MATCH (e:Edition) RETURN e.id AS id, e.newestRank AS rank ORDER BY id',
    );
    const loaded = await store.engine.read(ranks, {});
    expect(loaded.map((r) => Number(r.rank)).sort()).toEqual([0, 1, 2]);
    const unrank = adHocQuery('unrank', 'MATCH (e:Edition) SET e.newestRank = NULL');
    await store.engine.write((tx) => tx.run(unrank, {}));
    expect(await countUncountedEditions(store.engine, store.queries)).toBe(true);
    expect(await store.engine.read(ranks, {})).toEqual(loaded);
    expect(await countUncountedEditions(store.engine, store.queries)).toBe(false);
  });
});

const neo4jIndexes = (title: string, body: () => void) =>
  NEO4J_ENABLED ? describe(`${title} [neo4j]`, body) : skipNeo4j(title, body);

neo4jIndexes('a Neo4j store an earlier version indexed', () => {
  // Kuzu's counterpart is in tests/store/kuzu-engine.test.ts.
  it('adds the per-label indexes search reads, and leaves recap_search and recap_tokens to earlier versions', async () => {
    const { store, cleanup } = await NEO4J.open();
    const earlier = {
      recap_search:
        'CREATE FULLTEXT INDEX recap_search IF NOT EXISTS FOR (n:Talk|Person) ON EACH [n.searchText]',
      recap_tokens:
        'CREATE FULLTEXT INDEX recap_tokens IF NOT EXISTS FOR (n:Edition|Article|Talk|Person|Company|Project|Announcement) ON EACH [n.searchTokens]',
    };
    try {
      await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
      const fulltext = adHocQuery(
        'fulltext',
        'SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state ORDER BY name',
      );
      // The earlier versions' indexes, as a store they wrote has them, without ours.
      for (const index of TOKEN_INDEXES) {
        await store.engine.write((tx) =>
          tx.run(adHocQuery('drop-ours', `DROP INDEX ${index} IF EXISTS`), {}),
        );
      }
      for (const [name, create] of Object.entries(earlier)) {
        await store.engine.write((tx) => tx.run(adHocQuery(`old-${name}`, create), {}));
      }
      expect((await store.engine.read(fulltext, {})).map((r) => r.name)).toEqual(Object.keys(earlier));
      await store.engine.ensureSchema();
      expect(await store.engine.read(fulltext, {})).toEqual(
        [...TOKEN_INDEXES, ...Object.keys(earlier)].sort().map((name) => ({ name, state: 'ONLINE' })),
      );
      const hits = await store.engine.read(store.queries.get('search/query'), {
        q: queryTokens(['envoy']),
        k: 10,
      });
      expect(hits.map((h) => h.id)).toContain('project:envoy');
    } finally {
      for (const name of Object.keys(earlier)) {
        await store.engine.write((tx) =>
          tx.run(adHocQuery(`drop-${name}`, `DROP INDEX ${name} IF EXISTS`), {}),
        );
      }
      await cleanup();
    }
  });
});
