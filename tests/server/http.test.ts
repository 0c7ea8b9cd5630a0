/**
 * The HTTP surface over a real store of each engine: health and readiness,
 * GraphQL by POST and GET, debug stats, error codes, exports, and that
 * unexpected failures reach clients masked.
 */
import { describeEachEngine } from '../helpers/engines';
import { startTestService, type TestService } from '../helpers/service';
import { StoreError } from '../../src/errors';
import { failReadsOf } from '../helpers/queries';
import type { Engine } from '../../src/store/engine';
import { bumpGraphVersion } from '../../src/store/version';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (res: Response): Promise<any> => res.json();

describeEachEngine('HTTP server', (engine) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(undefined, engine);
  }, 60_000);
  afterAll(() => service.close());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('seeds an empty store on first start', () => {
    expect(service.seeded).toBe(true);
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await json(ready)).toEqual({ status: 'ready', engine: engine.name });
  });

  it('serves GraphQL over POST with variables', async () => {
    const res = await post({
      query: 'query($id: ID!) { edition(id: $id) { city } }',
      variables: { id: 'edition:kubecon-na-2019' },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ data: { edition: { city: 'San Diego' } } });
    // Answers change with each load: no HTTP cache may keep one (the service caches by graph version).
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('serves GraphQL over GET for notebooks and curl', async () => {
    const query = encodeURIComponent('{ talks(filter: { kind: KEYNOTE }) { totalCount } }');
    // CSRF prevention: a GET needs a header no plain cross-site request carries (README "Notebooks").
    const res = await fetch(`${service.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ data: { talks: { totalCount: 1 } } });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('reports round trips and time only when x-debug-stats: 1 is sent', async () => {
    // Projects asked beyond their names: a batch after the page (by name alone, the page's talk cards answer).
    const query = { query: '{ talks { edges { node { projects { name aliases } } } } }' };
    const plain = await json(await post(query));
    expect(plain.extensions?.stats).toBeUndefined();
    // no-cache: the first answer is in the response cache now (tests/server/response-cache.test.ts).
    const withStats = await json(await post(query, { 'x-debug-stats': '1', 'cache-control': 'no-cache' }));
    expect(withStats.extensions.stats.dbRoundTrips).toBe(2);
    // Two round trips take time: 0 would mean the time is not measured at all.
    expect(withStats.extensions.stats.dbMs).toBeGreaterThan(0);
  });

  it('gives BAD_USER_INPUT with a message naming the argument', async () => {
    const body = await json(await post({ query: '{ talks(first: 1000) { totalCount } }' }));
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/first must be between 0 and 100 \(got 1000\)/);
  });

  it('rejects malformed requests with a client error', async () => {
    const bad = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    const invalid = await json(await post({ query: '{ talks { nosuchfield } }' }));
    expect(invalid.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await fetch(`${service.url}/nowhere`)).status).toBe(404);
  });

  it('masks unexpected store errors: no internals, no stack trace', async () => {
    const engine = service.store.engine as Engine;
    const spy = failReadsOf(engine, 'edition/all', new StoreError('secret table layout in message'));
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const body = await json(await post({ query: '{ editions { id } }' }));
      expect(body.errors[0]).toEqual({
        message: 'Internal server error',
        path: ['editions'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(body)).not.toMatch(/secret|stack/);
    } finally {
      spy.mockRestore();
      quiet.mockRestore();
    }
  });

  it('answers when the count the cost estimate reads fails', async () => {
    const engine = service.store.engine as Engine;
    const read = engine.read.bind(engine);
    const asked: string[] = [];
    const spy = jest.spyOn(engine, 'read').mockImplementation((query, params) => {
      asked.push(query.name);
      return query.name === 'list/root-sizes'
        ? Promise.reject(new StoreError('count failed'))
        : read(query, params);
    });
    try {
      // A load bumps the graph version, so the count is read again rather than kept.
      bumpGraphVersion(engine);
      const body = await json(await post({ query: '{ editions { id } }' }));
      expect(body.errors).toBeUndefined();
      expect(body.data.editions.length).toBeGreaterThan(0);
      expect(asked).toContain('list/root-sizes');
    } finally {
      spy.mockRestore();
    }
  });
});

describeEachEngine('exports', (engine) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(undefined, engine);
  }, 60_000);
  afterAll(() => service.close());

  it('streams a filtered list as CSV with a header and quoted cells', async () => {
    const res = await fetch(`${service.url}/export/talks.csv?editionId=edition:kubecon-eu-2018`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await res.text()).trimEnd().split('\n');
    expect(lines[0]).toBe(
      'id,title,originalTitle,kind,day,editionId,speakers,companies,projects,summary,sources',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'talk:envoy-internals-deep-dive,Envoy Internals Deep Dive,,TALK,2018-05-03,edition:kubecon-eu-2018,Matt Klein,Lyft,Envoy; Istio; Tokio,' +
        '"Threading, hot restart and stats inside the proxy.",article:xebia-kubecon-eu-2018-day-2 ¶44',
    );
  });

  it('streams NDJSON, one object a line, every row when unfiltered', async () => {
    const text = await (await fetch(`${service.url}/export/speakers.ndjson`)).text();
    const rows = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.name)).toEqual([
      'Franziska von der Goltz',
      'Kris Nóva',
      'Matt Klein',
      'Shane Lawrence',
    ]);
    expect(rows[1]).toEqual({
      id: 'person:kris-nova',
      name: 'Kris Nóva',
      aliases: ['Kris Nova'],
      companies: ['Sysdig'],
      talks: ['talk:shopify-falco'],
    });
    const projects = (await (await fetch(`${service.url}/export/projects.ndjson?cncf=false`)).text())
      .trimEnd()
      .split('\n');
    expect(projects.map((l) => JSON.parse(l).id)).toEqual(['project:tokio']);
  });

  it('answers 400 naming a bad filter, and a header-only CSV for no match', async () => {
    const bad = await fetch(`${service.url}/export/talks.csv?companyId=project:envoy`);
    expect(bad.status).toBe(400);
    expect(await json(bad)).toEqual({
      error: 'companyId: "project:envoy" is not a Company id',
      code: 'BAD_USER_INPUT',
    });
    const none = await (await fetch(`${service.url}/export/companies.csv?nameContains=zzz`)).text();
    expect(none).toBe('id,name,aliases,homepage,talks,projects\n');
  });
});

describe('HTTP server with an unavailable store', () => {
  it('answers 503 on /readyz and SERVICE_UNAVAILABLE on queries once the database is gone', async () => {
    const service = await startTestService();
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await service.store.engine.close();
      expect((await fetch(`${service.url}/readyz`)).status).toBe(503);
      const res = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ editions { id } }' }),
      });
      const body = await json(res);
      expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    } finally {
      quiet.mockRestore();
      await service.close();
    }
  });
});
