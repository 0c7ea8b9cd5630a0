/**
 * A store written by an earlier version, without the talks' sort keys, the
 * nodes' index words or the editions' stored counts and ranks, gets them at start (src/load/backfill.ts), on each
 * engine, and then answers as a freshly loaded one.
 */
import {
  completeCards,
  countUncountedEditions,
  keyUnkeyedTalks,
  rederiveStale,
  refoldSearchTexts,
  tokenizeUntokenised,
} from '../../src/load/backfill';
import { recard } from '../../src/load/recard';
import { derivationsStale } from '../../src/load/stamp';
import { relink } from '../../src/load/relink';
import { words } from '../../src/search/terms';
import { queryTokens } from '../../src/search/tokens';
import { SPELLED_LETTERS } from '../../src/text';
import { searchFields, SEARCH_SOURCES } from '../../src/load/plan/search-fields';
import { behindLoadLock } from '../helpers/load-lock';
import { mutatedFixtures } from '../helpers/fixtures';
import { KINDS, SEARCHABLE_KINDS } from '../../src/store/kinds';
import { loadFixtures } from '../../src/load/load';
import { adHocQuery, TOKEN_INDEXES } from '../helpers/queries';
import type { Store } from '../../src/store/open';
import {
  describeEachEngine,
  describeNeo4j,
  MINI_FIXTURES,
  NEO4J,
  NEO4J_ENABLED,
  skipNeo4j,
} from '../helpers/engines';

describeEachEngine('a store written without the derived properties', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
  });
  afterEach(() => cleanup());

  it('gets its talks’ cards back, equal to those a load stores', async () => {
    const cards = adHocQuery(
      'talk-cards',
      'MATCH (t:Talk) RETURN t.id AS id, t.participantRows AS p, t.projectRows AS j, t.companyRows AS c ORDER BY id',
    );
    const loaded = await store.engine.read(cards, {});
    expect(loaded).toHaveLength(4);
    expect(loaded.every((r) => [r.p, r.j, r.c].every((column) => typeof column === 'string'))).toBe(true);
    expect(await completeCards(store.engine, store.queries)).toBe(0);
    // A talk with either column missing has no card.
    await store.engine.write((tx) =>
      tx.run(adHocQuery('uncard', 'MATCH (t:Talk) SET t.participantRows = NULL, t.projectRows = NULL'), {}),
    );
    expect(await completeCards(store.engine, store.queries)).toBe(4);
    expect(await store.engine.read(cards, {})).toEqual(loaded);
    await store.engine.write((tx) =>
      tx.run(adHocQuery('half-uncard', 'MATCH (t:Talk) SET t.projectRows = NULL'), {}),
    );
    expect(await completeCards(store.engine, store.queries)).toBe(4);
    expect(await store.engine.read(cards, {})).toEqual(loaded);
    // A store written before the companies' column: its cards are made again whole.
    await store.engine.write((tx) =>
      tx.run(adHocQuery('uncard-companies', 'MATCH (t:Talk) SET t.companyRows = NULL'), {}),
    );
    expect(await completeCards(store.engine, store.queries)).toBe(4);
    expect(await store.engine.read(cards, {})).toEqual(loaded);
  });

  it('gets its projects’ and companies’ cards back, equal to those a load stores', async () => {
    const cards = adHocQuery(
      'node-cards',
      'MATCH (p:Project) RETURN p.id AS id, p.companyRows AS rows UNION ALL ' +
        'MATCH (c:Company) RETURN c.id AS id, c.projectRows AS rows',
    );
    const byId = async () =>
      (await store.engine.read(cards, {})).sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
    const loaded = await byId();
    expect(loaded.every((r) => typeof r.rows === 'string')).toBe(true);
    // Some name the other end of a link: the mini fixtures relate Lyft and Envoy.
    expect(loaded.find((r) => r.id === 'project:envoy')!.rows).toContain('company:lyft');
    expect(loaded.find((r) => r.id === 'company:lyft')!.rows).toContain('project:envoy');
    expect(await completeCards(store.engine, store.queries)).toBe(0);
    // A store written before them (as before their columns): every project and company gets its card.
    await store.engine.write(async (tx) => {
      await tx.run(adHocQuery('unproject', 'MATCH (p:Project) SET p.companyRows = NULL'), {});
      await tx.run(adHocQuery('uncompany', 'MATCH (c:Company) SET c.projectRows = NULL'), {});
    });
    expect(await completeCards(store.engine, store.queries)).toBe(loaded.length);
    expect(await byId()).toEqual(loaded);
  });

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

  describe('whose link summaries and cards an earlier version’s load did not derive', () => {
    const stampRow = async () => (await store.engine.read(store.queries.get('graph/load-stamp'), {}))[0];
    const lyftQuery = adHocQuery(
      'lyft-names',
      "MATCH (t:Talk) WHERE t.participantRows CONTAINS 'company:lyft' RETURN t.participantRows AS card " +
        'UNION ALL ' +
        "MATCH (l:Link) WHERE l.companyId = 'company:lyft' RETURN l.companyName AS card",
    );
    // The rows' order, which UNION ALL leaves to the engine, set here.
    const lyftNames = async () => (await store.engine.read(lyftQuery, {})).map((r) => String(r.card)).sort();
    // What a load by an earlier version does: it writes the graph and a stamp, and no `derived`.
    const earlierLoad = async (rename: boolean) => {
      const write = adHocQuery(
        'earlier-load',
        (rename
          ? "MATCH (c:Company {id: 'company:lyft'}) SET c.name = 'Lyft Renamed' WITH count(*) AS n "
          : '') + "MATCH (s:LoadStamp {id: 'graph'}) SET s.stamp = 'an earlier version'",
      );
      await store.engine.write((tx) => tx.run(write, {}));
    };

    it('are current after a load, and after a backfill that leaves their inputs alone', async () => {
      const loaded = await stampRow();
      expect(loaded?.derived).toBe(loaded?.stamp);
      expect(await rederiveStale(store.engine, store.queries)).toBeNull();
      await store.engine.write((tx) =>
        tx.run(adHocQuery('unkey', 'MATCH (t:Talk) SET t.newestKey = NULL'), {}),
      );
      expect(await keyUnkeyedTalks(store.engine, store.queries)).toBeGreaterThan(0);
      const keyed = await stampRow();
      expect(keyed?.stamp).not.toBe(loaded?.stamp);
      expect(keyed?.derived).toBe(keyed?.stamp);
      expect(await rederiveStale(store.engine, store.queries)).toBeNull();
    });

    it('are derived again at start from the graph it left, once', async () => {
      const cards = await lyftNames();
      // Matt Klein's talk's card and the Lyft–Envoy summary.
      expect(cards.length).toBeGreaterThanOrEqual(2);
      expect(cards.every((card) => card.includes('Lyft') && !card.includes('Renamed'))).toBe(true);
      await earlierLoad(true);
      // Still the old name: nothing derived them.
      expect(await lyftNames()).toEqual(cards);
      const done = await rederiveStale(store.engine, store.queries);
      expect(done).toEqual({
        links: expect.any(Number),
        pages: expect.any(Number),
        cards: expect.any(Number),
      });
      expect(done!.cards).toBeGreaterThan(0);
      expect(done!.links).toBeGreaterThan(0);
      const after = await lyftNames();
      expect(after).toHaveLength(cards.length);
      expect(after.every((card) => card.includes('Lyft Renamed'))).toBe(true);
      // They now match the graph, and say so.
      expect(await store.engine.write((tx) => recard(tx, store.queries))).toMatchObject({ written: 0 });
      expect(await store.engine.write((tx) => relink(tx, store.queries))).toMatchObject({
        linksWritten: 0,
        pagesWritten: 0,
        deleted: 0,
      });
      expect(await rederiveStale(store.engine, store.queries)).toBeNull();
    });

    it('stay marked stale through a backfill that does not derive them', async () => {
      await earlierLoad(false);
      expect(derivationsStale(await stampRow())).toBe(true);
      await store.engine.write((tx) =>
        tx.run(adHocQuery('unkey', 'MATCH (t:Talk) SET t.newestKey = NULL'), {}),
      );
      expect(await keyUnkeyedTalks(store.engine, store.queries)).toBeGreaterThan(0);
      expect(derivationsStale(await stampRow())).toBe(true);
      expect(await rederiveStale(store.engine, store.queries)).not.toBeNull();
      expect(derivationsStale(await stampRow())).toBe(false);
    });

    it('are checked, and written only where they differ, in a store from before the derivation stamp', async () => {
      await store.engine.write((tx) =>
        tx.run(adHocQuery('underive', "MATCH (s:LoadStamp {id: 'graph'}) SET s.derived = NULL"), {}),
      );
      const before = await stampRow();
      expect(await rederiveStale(store.engine, store.queries)).toEqual({ links: 0, pages: 0, cards: 0 });
      const after = await stampRow();
      expect(after?.stamp).not.toBe(before?.stamp);
      expect(after?.derived).toBe(after?.stamp);
    });
  });
});

describeEachEngine('a store whose search texts an earlier fold left unspelled', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  // Names with letters Unicode does not decompose, as a data set may hold them.
  const fixtures = mutatedFixtures((files) => {
    const spotify = files.companies.find((c: { id: string }) => c.id === 'company:spotify');
    Object.assign(spotify, { name: 'Spötify Großœuvre', aliases: ['Æther Łab'] });
    // So that every property a search text is made of has a value somewhere.
    Object.assign(files.talks[0], { originalTitle: 'Œuvre d’Envoy' });
    Object.assign(files.people[0], { aliases: ['Bjørn'] });
    Object.assign(files.projects[0], { aliases: ['Þór'] });
    Object.assign(files.announcements[0], { version: 'v1.0-æ' });
  });
  const fields = adHocQuery(
    'search-fields',
    'MATCH (n) WHERE n.searchText IS NOT NULL RETURN n.id AS id, n.searchText AS text, n.searchTokens AS tokens ORDER BY id',
  );
  const found = async (word: string) =>
    (await store.engine.read(store.queries.get('search/query'), { q: queryTokens([word]), k: 100 })).map(
      (r) => r.id,
    );
  beforeEach(async () => {
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, fixtures);
  });
  afterEach(() => cleanup());

  it('finds them by the letters the fold spells out, every one of them', () => {
    const text = store.queries.get('search/unfolded').text.replace(/^\s*\/\/.*$/gm, '');
    const letters = [...text.matchAll(/CONTAINS '(.)'/gu)].map((m) => m[1]);
    expect(letters.sort()).toEqual(Object.keys(SPELLED_LETTERS).sort());
  });

  it('gets them derived again from the nodes’ properties, equal to a load’s, and search finds the spelled words', async () => {
    const loaded = await store.engine.read(fields, {});
    const spotify = loaded.find((r) => r.id === 'company:spotify')!;
    expect(spotify.text).toBe('spotify grossoeuvre | aether lab');
    expect(await refoldSearchTexts(store.engine, store.queries)).toBe(0);
    expect(await found('grossoeuvre')).toContain('company:spotify');

    // As the earlier fold stored them: the letters kept, and words split around them.
    const earlierText = 'spotify großœuvre | spotify gro uvre | æther łab | ther ab';
    // Its index words, each word of the text once (queryTokens spells words as indexTokens does).
    const earlierTokens = queryTokens(['spotify', 'gro', 'uvre', 'ther', 'ab']);
    const age = adHocQuery(
      'age',
      'MATCH (c:Company {id: $id}) SET c.searchText = $text, c.searchTokens = $tokens',
      ['id', 'text', 'tokens'],
    );
    await store.engine.write((tx) =>
      tx.run(age, { id: 'company:spotify', text: earlierText, tokens: earlierTokens }),
    );
    expect(await found('grossoeuvre')).toEqual([]);
    expect(await found('aether')).toEqual([]);

    expect(await refoldSearchTexts(store.engine, store.queries)).toBe(1);
    expect(await store.engine.read(fields, {})).toEqual(loaded);
    expect(await found('grossoeuvre')).toContain('company:spotify');
    expect(await found('aether')).toContain('company:spotify');
    expect(await refoldSearchTexts(store.engine, store.queries)).toBe(0);
    // The index words were derived with the text: nothing is left for the other step.
    expect(await tokenizeUntokenised(store.engine, store.queries)).toBe(0);
  });

  it('derives every searchable kind’s fields as its load does', async () => {
    const loaded = await store.engine.read(fields, {});
    // Every search text given a letter to spell, as an earlier version would have stored one.
    for (const kind of SEARCHABLE_KINDS) {
      const mark = adHocQuery(
        `mark-${kind}`,
        `MATCH (n:${KINDS[kind]}) SET n.searchText = n.searchText + ' ß'`,
      );
      await store.engine.write((tx) => tx.run(mark, {}));
    }
    expect((await store.engine.read(fields, {})).every((r) => String(r.text).endsWith(' ß'))).toBe(true);
    // Each property a kind's search sources read is a column the query returns, and has a value somewhere.
    const read = new Set<string>();
    const spy = new Proxy({}, { get: (_, key) => (read.add(String(key)), null) });
    for (const kind of SEARCHABLE_KINDS) SEARCH_SOURCES[kind](spy);
    const unfolded = await store.engine.read(store.queries.get('search/unfolded'), {});
    expect(unfolded).toHaveLength(loaded.length);
    const valued = (v: unknown) => v != null && v !== '' && !(Array.isArray(v) && v.length === 0);
    expect([...read].filter((key) => !unfolded.some((r) => valued(r[key])))).toEqual([]);

    expect(await refoldSearchTexts(store.engine, store.queries)).toBe(loaded.length);
    expect(await store.engine.read(fields, {})).toEqual(loaded);
  });
});

describeNeo4j('a backfill beside another process’s load', (engine) => {
  it('derives from what that load committed, not from what it read before the load lock', async () => {
    const { store, cleanup } = await engine.open();
    try {
      await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
      // Spotify's search text as an earlier fold left it: the refold has work to do.
      await store.engine.write((tx) =>
        tx.run(
          adHocQuery(
            'unfold',
            "MATCH (c:Company {id: 'company:spotify'}) SET c.searchText = c.searchText + ' ß'",
          ),
          {},
        ),
      );
      // Another process's load renames Spotify, with the search fields a load derives.
      const renamed = searchFields('company', { name: 'Spotify Renamed', aliases: [] });
      // The refold reads Spotify's old text and name, then waits for the lock.
      const refolded = await behindLoadLock(
        store,
        (tx) =>
          tx.run(
            adHocQuery(
              'rename',
              "MATCH (c:Company {id: 'company:spotify'}) SET c.name = 'Spotify Renamed', " +
                'c.searchText = $searchText, c.searchTokens = $searchTokens',
              ['searchText', 'searchTokens'],
            ),
            renamed,
          ),
        () => refoldSearchTexts(store.engine, store.queries),
      );
      // Under the lock it reads again: the load left nothing to refold, and its fields stand.
      expect(refolded).toBe(0);
      const [spotify] = await store.engine.read(
        adHocQuery('spotify', "MATCH (c:Company {id: 'company:spotify'}) RETURN c.searchText AS text"),
        {},
      );
      expect(spotify?.text).toBe(renamed.searchText);
    } finally {
      await cleanup();
    }
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
