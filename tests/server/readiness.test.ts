/**
 * Readiness: /readyz runs a real named query, checks the store's files are
 * there and that full-text search still finds what the graph holds; /healthz
 * stays a constant. The search check itself runs on both engines.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import kuzu, { type Database } from 'kuzu';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config';
import { loadFixtures } from '../../src/load/load';
import { Readiness } from '../../src/server/readiness';
import { startService, type RunningService } from '../../src/server/service';
import type { Engine } from '../../src/store/engine';
import type { NamedQuery } from '../../src/store/queries';
import { checkSearch, probeSearch } from '../../src/store/search-check';
import { indexTokens } from '../../src/search/tokens';
import { openStore, type Store } from '../../src/store/open';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';

const status = async (url: string) => (await fetch(url)).status;

describe('/readyz on Kuzu', () => {
  let dataDir: string;
  let service: RunningService | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'recap-graph-ready-'));
  });
  afterEach(async () => {
    await service?.stop();
    service = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = (store?: Store) =>
    startService(readConfig({ PORT: '0', DATA_DIR: dataDir, FIXTURES_DIR: MINI_FIXTURES }), { store });

  it('turns 503 when the data directory is deleted under the running service; /healthz stays 200', async () => {
    service = await start();
    expect(await status(`${service.url}/readyz`)).toBe(200);
    rmSync(dataDir, { recursive: true, force: true });
    expect(existsSync(dataDir)).toBe(false);
    const res = await fetch(`${service.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', engine: 'kuzu' });
    expect(await status(`${service.url}/healthz`)).toBe(200);
  });

  it('runs the named query cypher/health/ready: 503 when it fails even though ping answers', async () => {
    const store = await openStore({ dataDir, neo4j: undefined });
    const engine = store.engine;
    let failReady = false;
    const wrapped: Engine = Object.assign(Object.create(engine) as Engine, {
      read: (query: NamedQuery, params: Parameters<Engine['read']>[1]) =>
        failReady && query.name === 'health/ready'
          ? Promise.reject(new Error('simulated failure'))
          : engine.read(query, params),
    });
    service = await start({ engine: wrapped, queries: store.queries });
    expect(await status(`${service.url}/readyz`)).toBe(200);
    failReady = true;
    await expect(engine.ping()).resolves.toBeUndefined();
    expect(await status(`${service.url}/readyz`)).toBe(503);
  });

  it('answers 503 within its deadline when the database stops answering (a frozen Neo4j, a partition)', async () => {
    const store = await openStore({ dataDir, neo4j: undefined });
    const engine = store.engine;
    let frozen = false;
    // What a Neo4j stopped with SIGSTOP or cut off by a dropped network looks like to the driver:
    // calls that neither succeed nor fail (Neo4j's own receive timeout hint is 120 s).
    const never = new Promise<never>(() => undefined);
    const wrapped: Engine = Object.assign(Object.create(engine) as Engine, {
      ping: () => (frozen ? never : engine.ping()),
      read: (query: NamedQuery, params: Parameters<Engine['read']>[1]) =>
        frozen ? never : engine.read(query, params),
    });
    service = await start({ engine: wrapped, queries: store.queries });
    expect(await status(`${service.url}/readyz`)).toBe(200);
    frozen = true;
    const started = Date.now();
    const answers = await Promise.all(
      [1, 2, 3].map(() => fetch(`${service!.url}/readyz`, { signal: AbortSignal.timeout(10_000) })),
    );
    expect(answers.map((r) => r.status)).toEqual([503, 503, 503]);
    expect(await answers[0]!.json()).toMatchObject({
      status: 'unavailable',
      reason: 'the database does not answer',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    frozen = false;
    expect(await status(`${service.url}/readyz`)).toBe(200);
  });

  it('turns 503 while full-text search cannot answer (an index dropped under the service)', async () => {
    service = await start();
    expect(await status(`${service.url}/readyz`)).toBe(200);
    // DROP_FTS_INDEX cannot be prepared (it is several statements inside Kuzu), and the adapter
    // only runs prepared named queries: a connection of our own on the adapter's database.
    const database = (service.store.engine as unknown as { database: Database }).database;
    const connection = new kuzu.Connection(database);
    const result = await connection.query("CALL DROP_FTS_INDEX('Person', 'person_tokens')");
    (Array.isArray(result) ? result : [result]).forEach((r) => r.close());
    await connection.close();
    const res = await fetch(`${service.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      status: 'unavailable',
      reason: 'full-text search does not answer',
    });
    expect(await status(`${service.url}/healthz`)).toBe(200);
  });

  it('at start, rebuilds indexes that miss nodes, and only then reports ready', async () => {
    const store = await openStore({ dataDir, neo4j: undefined });
    await store.engine.ensureSchema();
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    // An index that has lost its documents: search answers nothing until the indexes are rebuilt.
    let rebuilt = 0;
    const engine = store.engine;
    const wrapped: Engine = Object.assign(Object.create(engine) as Engine, {
      read: async (query: NamedQuery, params: Parameters<Engine['read']>[1]) =>
        query.name === 'search/query' && rebuilt === 0 ? [] : engine.read(query, params),
      rebuildSearchIndexes: async () => {
        rebuilt++;
        await engine.rebuildSearchIndexes!();
      },
    });
    const lines: string[] = [];
    const readiness = new Readiness({ engine: wrapped, queries: store.queries }, (l) => lines.push(l));
    const result = await readiness.verifySearch();
    expect(rebuilt).toBe(1);
    expect(result.ok).toBe(true);
    expect(lines.join('\n')).toMatch(/search indexes miss .* nodes .*: rebuilding them/);
    expect((await readiness.check()).status).toBe(200);
    await engine.close();
  });
});

describeEachEngine('search check', (engineCase) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await engineCase.open());
    await store.engine.ensureSchema();
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
  });
  afterAll(() => cleanup());

  it('finds every node that has a search text, with one probe word per kind of node', async () => {
    const result = await checkSearch(store.engine, store.queries);
    expect(result).toMatchObject({ ok: true, missing: [] });
    expect(result.expected).toBeGreaterThanOrEqual(25);
    const kinds = result.probes.map((p) => p.id.slice(0, p.id.indexOf(':')));
    expect(kinds.sort()).toEqual([
      'announcement',
      'article',
      'company',
      'edition',
      'person',
      'project',
      'talk',
    ]);
    expect(await probeSearch(store.engine, store.queries, result.probes)).toBe(true);
  });

  it('the probe notices a node the index does not return', async () => {
    const { probes } = await checkSearch(store.engine, store.queries);
    const wrong = [...probes, { word: probes[0]!.word, id: 'person:nobody' }];
    expect(await probeSearch(store.engine, store.queries, wrong)).toBe(false);
  });

  it('expects every node with a word, however short, digits included, and finds it', async () => {
    // Words Kuzu's analyser used to drop: two letters, a stop word, digits.
    const text = 'bo an 42';
    await store.engine.write((tx) =>
      tx.run(store.queries.get('load/person'), {
        rows: [
          {
            id: 'person:bo-an-42',
            name: 'Bo An 42',
            aliases: ['Bo'],
            searchText: text,
            searchTokens: indexTokens(text),
          },
        ],
      }),
    );
    const indexed = await store.engine.read(store.queries.get('search/indexed'), {});
    const result = await checkSearch(store.engine, store.queries);
    expect(result).toMatchObject({ ok: true, missing: [] });
    expect(result.expected).toBe(indexed.length);
  });

  it('the health/ready named query reads stored data', async () => {
    const rows = await store.engine.read(store.queries.get('health/ready'), {});
    expect(rows).toEqual([{ editions: 3 }]);
  });
});
