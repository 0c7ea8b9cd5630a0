/**
 * The response cache's staleness bounds (src/server/response-cache.ts), from
 * review 27: the 5 s lifetime counts from when an answer's reads began, and an
 * answer begun earlier never replaces one begun later; an answer is filed under
 * the version its execution began with, even when a load completes while the
 * cost check waits; and the request's own cache directives, matched as RFC 9111
 * says (any case; `Pragma` without `Cache-Control`). Reads are slowed or held by
 * wrapping the service's engine object in place (the version is kept per object).
 */
import neo4j from 'neo4j-driver';
import { rmSync } from 'node:fs';
import { loadFixtures } from '../../src/load/load';
import type { Engine, Params, Row } from '../../src/store/engine';
import type { NamedQuery } from '../../src/store/queries';
import { graphVersion } from '../../src/store/version';
import { describeNeo4j } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';
import { startTestService, type TestService } from '../helpers/service';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const EDITION = 'edition:kubecon-eu-2018';
const OLD_NAME = 'KubeCon + CloudNativeCon Europe 2018';

type Stats = { cache: { status: string; hits: number; misses: number }; dbRoundTrips: number };

/** Runs `around(query, params, read)` instead of each read of the service's engine, until the service closes. */
function wrapReads(
  service: TestService,
  around: (query: NamedQuery, read: () => Promise<Row[]>) => Promise<Row[]>,
): void {
  const engine = service.store.engine;
  const real = engine.read.bind(engine);
  (engine as { read: Engine['read'] }).read = (query: NamedQuery, params: Params) =>
    around(query, () => real(query, params));
}

async function post(service: TestService, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-debug-stats': '1', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as {
    data?: { editions?: { id: string; name: string }[] };
    extensions: { stats: Stats };
  };
  return {
    name: body.data?.editions?.find((e) => e.id === EDITION)?.name,
    stats: body.extensions.stats,
  };
}

describeNeo4j('response cache: another writer on a shared Neo4j', (engine) => {
  let service: TestService;
  let slow = false;
  beforeEach(async () => {
    service = await startTestService(undefined, engine);
    // The editions are read first, then answered 6 s later, when `slow` is set as the read starts.
    wrapReads(service, async (query, read) => {
      const late = slow && query.name === 'edition/all';
      const rows = await read();
      if (late) await sleep(6_000);
      return rows;
    });
  }, 60_000);
  afterEach(async () => {
    slow = false;
    await service.close();
  });

  it('serves no answer begun before a stampless write more than 5 s after it', async () => {
    const query = 'query Straddle { editions { id name } }';
    slow = true;
    const straddling = post(service, query); // a miss: read now, answered (and kept) 6 s later
    await sleep(300);
    slow = false;
    const driver = neo4j.driver(
      process.env.RECAP_TEST_NEO4J_URI!,
      neo4j.auth.basic(
        process.env.RECAP_TEST_NEO4J_USER ?? 'neo4j',
        process.env.RECAP_TEST_NEO4J_PASSWORD ?? '',
      ),
    );
    let writtenAt: number;
    try {
      await driver.executeQuery('MATCH (e:Edition {id: $id}) SET e.name = $name', {
        id: EDITION,
        name: 'Renamed by another writer',
      });
      writtenAt = Date.now();
    } finally {
      await driver.close();
    }
    // Read before the write, answered after it: its answer must not be kept as current.
    expect((await straddling).name).toBe(OLD_NAME);
    await sleep(Math.max(0, writtenAt + 5_200 - Date.now()));
    expect((await post(service, query)).name).toBe('Renamed by another writer');
  }, 60_000);
});

describe('response cache: a load in this process', () => {
  let service: TestService;
  let fixtures: string;
  beforeEach(async () => {
    service = await startTestService();
    fixtures = mutatedFixtures((files) => {
      (files.editions as { id: string; name: string }[]).find((e) => e.id === EDITION)!.name =
        'Renamed by a load';
    });
  });
  afterEach(async () => {
    await service.close();
    rmSync(fixtures, { recursive: true, force: true });
  });

  it('files an answer under the version its execution began with, after a load completed during its cost check', async () => {
    const Q = 'query Q { editions { id name } }';
    await post(service, 'query Other { editions { id } }'); // the cost estimate reads the list sizes now
    await sleep(3_000);
    expect((await post(service, Q)).name).toBe(OLD_NAME); // kept, under the version before the load
    await sleep(2_200); // the sizes are now older than STALE_MS: the next cost check reads them again
    // That read is held until a load has completed.
    let release!: () => void;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    wrapReads(service, async (query, read) => {
      if (query.name === 'list/root-sizes') {
        holding();
        await loaded;
      }
      return read();
    });
    const before = graphVersion(service.store.engine);
    const spanning = post(service, Q);
    await held;
    await loadFixtures(service.store.engine, service.store.queries, fixtures);
    expect(graphVersion(service.store.engine)).toBe(before + 1);
    release();
    expect((await spanning).name).toBe('Renamed by a load');
  }, 20_000);
});

describe('response cache: the request’s own directives', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  it.each([['No-Cache'], ['NO-CACHE'], ['max-age=0, No-Store']])(
    'Cache-Control: %s is answered from the database (directive names have no case)',
    async (value) => {
      const query = `query Q${value.replace(/\W/g, '')} { editions { id } }`;
      await post(service, query);
      const again = await post(service, query, { 'cache-control': value });
      expect(again.stats.cache.status).toBe('bypass');
      expect(again.stats.dbRoundTrips).toBeGreaterThan(0);
    },
  );

  it('takes Pragma: no-cache without Cache-Control, and not a directive that only contains the word', async () => {
    const query = 'query Pragma { editions { id } }';
    await post(service, query);
    expect((await post(service, query, { pragma: 'no-cache' })).stats.cache.status).toBe('bypass');
    expect(
      (await post(service, query, { pragma: 'no-cache', 'cache-control': 'max-age=60' })).stats.cache.status,
    ).toBe('hit');
    expect((await post(service, query, { 'cache-control': 'x-no-cache-please' })).stats.cache.status).toBe(
      'hit',
    );
  });

  it('keeps a no-cache answer for the next request, and never a no-store one', async () => {
    const db: { rename?: string } = {};
    wrapReads(service, async (query, read) => {
      const rows = await read();
      // What the database answers changes between requests, as after a write no version sees.
      return db.rename && query.name === 'edition/all'
        ? rows.map((row) => {
            const node = row.node as { id: string; name: string };
            return node.id === EDITION ? { ...row, node: { ...node, name: db.rename } } : row;
          })
        : rows;
    });
    const query = 'query Directives { editions { id name } }';
    expect((await post(service, query)).name).toBe(OLD_NAME);
    db.rename = 'Second';
    expect((await post(service, query, { 'cache-control': 'no-store' })).name).toBe('Second');
    expect(await post(service, query)).toMatchObject({ name: OLD_NAME, stats: { cache: { status: 'hit' } } });
    expect((await post(service, query, { 'cache-control': 'no-cache' })).name).toBe('Second');
    expect(await post(service, query)).toMatchObject({ name: 'Second', stats: { cache: { status: 'hit' } } });
  });
});
