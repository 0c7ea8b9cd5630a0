/**
 * Issue 8 (part A) over real HTTP: limits refused before execution, the time
 * budget, search caps, body and slow-client bounds, content types, CSRF,
 * CORS, introspection and suggestions, the landing page, persisted-query
 * errors and HEAD.
 */
import { request } from 'node:http';
import { getIntrospectionQuery } from 'graphql';
import { connect } from 'node:net';
import type { Engine } from '../../src/store/engine';
import { EXAMPLES } from '../../src/server/examples';
import { startTestService, type TestService } from '../helpers/service';
import { KUZU, MINI_FIXTURES } from '../helpers/engines';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const PREFLIGHT = { 'apollo-require-preflight': 'true' };

function poster(service: () => TestService) {
  return async (body: unknown, headers: Record<string, string> = {}) => {
    const started = performance.now();
    const res = await fetch(`${service().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      body: JSON.parse(text) as Json,
      ms: performance.now() - started,
    };
  };
}

/** Counts the database round trips that actually start while `work` runs. */
async function countingReads<T>(engine: Engine, work: () => Promise<T>, delayMs = 0) {
  const original = engine.read.bind(engine);
  let reads = 0;
  const spy = jest.spyOn(engine, 'read').mockImplementation(async (query, params) => {
    // A request's own round trips: the stamp watcher's reads (every second) are on no request's behalf.
    if (query.name !== 'graph/load-stamp') reads++;
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    return original(query, params);
  });
  try {
    const result = await work();
    return { result, reads: () => reads, restore: () => spy.mockRestore() };
  } catch (error) {
    spy.mockRestore();
    throw error;
  }
}

describe('hardening: development defaults', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(MINI_FIXTURES, KUZU, {
      CORS_ORIGINS: 'https://notebook.example, http://localhost:8888',
      HTTP_HEADERS_TIMEOUT_MS: '400',
      HTTP_REQUEST_TIMEOUT_MS: '800',
    });
  }, 60_000);
  afterAll(() => service.close());
  const post = poster(() => service);

  describe('limits, before execution', () => {
    const deep = (pairs: number) => {
      let inner = 'title';
      for (let i = 0; i < pairs; i++) inner = `speakers { talks { ${inner} } }`;
      return `{ talks(first: 100) { edges { node { ${inner} } } } }`;
    };
    const paths = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `p${i}: path(from: "company:lyft", to: "project:envoy") { length }`).join(' ')} }`;

    it.each([
      ['QUERY_TOO_DEEP', deep(10)],
      ['TOO_MANY_TOKENS', paths(500)],
      ['TOO_MANY_ALIASES', paths(16)],
      ['TOO_MANY_DIRECTIVES', `{ editions { ${'... @skip(if: false) { id } '.repeat(60)} } }`],
      ['TOO_MANY_TOKENS', `{ editions { ${'id '.repeat(2100)} } }`],
      // Repeats that kept graphql-js's validation busy for 200–400 ms, refused before it starts.
      ['TOO_MANY_REPEATS', `{ editions { ${'talks { edges { node { id } } } '.repeat(180)} } }`],
      ['TOO_MANY_REPEATS', `{ editions { ${'figures { id } '.repeat(450)} } }`],
      ['TOO_MANY_REPEATS', `{ editions { ${'...F '.repeat(900)} } } fragment F on Edition { id name }`],
      // A fragment no operation spreads is still compared pairwise before it is reported unused.
      ['TOO_MANY_REPEATS', `{ __typename } fragment X on Query { ${'editions { id } '.repeat(490)} }`],
      // Introspection multiplied by aliases and fragments (a 132 MB answer once).
      [
        'TOO_MANY_ALIASES',
        `{ ${Array.from({ length: 4 }, (_, i) => `a${i}: __schema { ...G }`).join(' ')} } ` +
          `fragment G on __Schema { ${Array.from({ length: 4 }, (_, i) => `x${i}: types { name }`).join(' ')} }`,
      ],
      [
        'QUERY_TOO_COSTLY',
        '{ talks(first: 100) { edges { node { speakers { talks { speakers { talks { title } } } } } } } }',
      ],
    ])(
      'refuses %s with HTTP 400, quickly, running nothing, the second time as the first',
      async (code, query) => {
        // Sent twice: the second meets the verdicts kept per query text and per operation (graphql/limits.ts).
        for (let attempt = 0; attempt < 2; attempt++) {
          const counted = await countingReads(service.store.engine, () => post({ query }));
          counted.restore();
          const res = counted.result;
          expect(res.status).toBe(400);
          expect(res.body.errors).toHaveLength(1);
          expect(res.body.errors[0].extensions).toEqual({ code });
          expect(res.body.data).toBeUndefined();
          expect(counted.reads()).toBe(0);
          expect(res.ms).toBeLessThan(2000); // well under 100 ms unloaded; generous for a shared CI machine
        }
      },
    );

    it('answers an empty query as a bad request each time, never a 500', async () => {
      // The limits' verdicts are kept per query text; the empty text is one too.
      for (let attempt = 0; attempt < 2; attempt++) {
        const res = await post({ query: '' });
        expect(res.status).toBe(400);
        expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      }
    });

    it('lets every saved example and a 100-talk dashboard through, each time', async () => {
      for (const example of [...EXAMPLES, ...EXAMPLES]) {
        const res = await post({ query: example.query, variables: example.variables });
        expect([example.id, res.status, res.body.errors]).toEqual([example.id, 200, undefined]);
      }
      const dashboard = await post({
        query: `{ talks(first: 100) { edges { node { title speakers { name } companies { name } projects { name } } } } }`,
      });
      expect(dashboard.body.errors).toBeUndefined();
    });
  });

  describe('search input caps', () => {
    it('refuses a huge search string at once, and health checks do not stall', async () => {
      const huge = 'kubernetes envoy falco '.repeat(20_000); // ~460 kB, under the body limit
      const health = (async () => {
        await new Promise((r) => setTimeout(r, 20));
        const started = performance.now();
        await fetch(`${service.url}/healthz`);
        return performance.now() - started;
      })();
      const res = await post({
        query: 'query($q: String!) { search(query: $q) { label } }',
        variables: { q: huge },
      });
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].message).toMatch(/at most 200 characters/);
      expect(res.ms).toBeLessThan(2000);
      expect(await health).toBeLessThan(2000);
    });

    it('refuses more than 10 words, accepts 10', async () => {
      const q = 'query($q: String!) { search(query: $q) { label } }';
      const eleven = await post({ query: q, variables: { q: 'a b c d e f g h i j k' } });
      expect(eleven.body.errors[0].message).toMatch(/at most 10 words \(got 11\)/);
      const ten = await post({ query: q, variables: { q: 'matt klein envoy lyft a b c d e f' } });
      expect(ten.body.errors).toBeUndefined();
    });

    it('caps filter text too', async () => {
      const res = await post({
        query: `{ talks(filter: { titleContains: "${'x'.repeat(201)}" }) { totalCount } }`,
      });
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].message).toMatch(/filter\.titleContains must be at most 200 characters/);
    });
  });

  describe('request body and slow clients', () => {
    it('answers 413 to an endless chunked body, stops reading and closes the connection', async () => {
      const { hostname, port } = new URL(service.url);
      const started = performance.now();
      const outcome = await new Promise<{ status: number; closed: boolean }>((resolve, reject) => {
        const req = request({
          hostname,
          port,
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = setInterval(() => {
          if (!req.destroyed) req.write(chunk);
        }, 1);
        req.on('response', (res) => {
          res.resume();
          res.on('close', () => {
            clearInterval(pump);
            resolve({ status: res.statusCode ?? 0, closed: true });
          });
        });
        req.on('error', (error) => {
          clearInterval(pump);
          // A reset after the 413 is the connection being closed, as intended.
          if (
            (error as NodeJS.ErrnoException).code === 'ECONNRESET' ||
            (error as NodeJS.ErrnoException).code === 'EPIPE'
          ) {
            resolve({ status: 413, closed: true });
          } else reject(error);
        });
      });
      expect(outcome).toEqual({ status: 413, closed: true });
      expect(performance.now() - started).toBeLessThan(5000);
    });

    it('refuses a declared Content-Length over the limit without reading', async () => {
      const res = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(1024 * 1024 + 10),
      });
      expect(res.status).toBe(413);
    });

    const silentClient = (firstBytes: string) =>
      new Promise<{ ms: number; reply: string }>((resolve, reject) => {
        const { hostname, port } = new URL(service.url);
        const started = performance.now();
        const socket = connect(Number(port), hostname, () => socket.write(firstBytes));
        let reply = '';
        socket.on('data', (d) => (reply += d.toString()));
        const guard = setTimeout(() => {
          socket.destroy();
          reject(new Error('the server kept a silent client for 10 s'));
        }, 10_000);
        socket.on('close', () => {
          clearTimeout(guard);
          resolve({ ms: performance.now() - started, reply });
        });
        socket.on('error', reject);
      });

    it('drops a client that never finishes its headers', async () => {
      const { ms } = await silentClient('POST /graphql HTTP/1.1\r\nHost: x\r\n');
      expect(ms).toBeLessThan(5000);
    });

    it('drops a client that never finishes its body', async () => {
      const { ms, reply } = await silentClient(
        'POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"q',
      );
      expect(ms).toBeLessThan(5000);
      expect(reply).toMatch(/^HTTP\/1\.1 408/);
    });
  });

  describe('operations the read-only schema has no type for', () => {
    it.each([
      ['mutation { __typename }', undefined],
      ['subscription { __typename }', undefined],
      ['query Q { __typename } mutation M { x }', 'M'],
    ])('refuses %s as an invalid document, not an internal error', async (query, operationName) => {
      const res = await post({ query, operationName });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.body.errors[0].message).toMatch(/no (mutation|subscription) type/);
    });
  });

  describe('malformed request targets', () => {
    // Node's parser accepts these; the URL parser refuses them (a crash of the whole process once).
    it.each(['//a:b/', 'http://a:b/', '//[', '//a:99999/'])(
      'answers 400 to %s and keeps serving',
      async (target) => {
        const { hostname, port } = new URL(service.url);
        const reply = await new Promise<string>((resolve, reject) => {
          const socket = connect(Number(port), hostname, () =>
            socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
          );
          let text = '';
          socket.on('data', (d) => (text += d.toString()));
          socket.on('close', () => resolve(text));
          socket.on('error', reject);
        });
        expect(reply).toMatch(/^HTTP\/1\.1 400/);
        expect(reply).toContain('"code":"BAD_REQUEST"');
        // The response's close (and its log line) has happened: the process still serves.
        await new Promise((r) => setTimeout(r, 50));
        expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
      },
    );
  });

  describe('content type and CSRF', () => {
    it('parses only application/json (parameters allowed)', async () => {
      const q = JSON.stringify({ query: '{ editions { id } }' });
      expect((await post(q, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
      for (const type of [
        'text/plain; application/json',
        'text/plain',
        'application/jsonx',
        'application/x-www-form-urlencoded',
      ]) {
        const res = await post(q, { 'content-type': type });
        expect([type, res.status]).toEqual([type, 415]);
      }
    });

    it('reads UTF-8 bodies only, never compressed ones: another charset or an encoding is a 415, not a misreading', async () => {
      const q = JSON.stringify({ query: '{ editions { id } }' });
      for (const type of ['application/json; charset=UTF-8', 'application/json;charset="utf-8"']) {
        expect([type, (await post(q, { 'content-type': type })).status]).toEqual([type, 200]);
      }
      for (const type of ['application/json; charset=iso-8859-1', 'application/json; charset=utf-16']) {
        const res = await post(q, { 'content-type': type });
        expect([type, res.status, res.body.errors[0].extensions.code]).toEqual([type, 415, 'BAD_REQUEST']);
      }
      for (const encoding of ['gzip', 'br', 'deflate']) {
        const res = await post(q, { 'content-type': 'application/json', 'content-encoding': encoding });
        expect([encoding, res.status]).toEqual([encoding, 415]);
      }
      expect(
        (await post(q, { 'content-type': 'application/json', 'content-encoding': 'identity' })).status,
      ).toBe(200);
    });

    it('refuses a plain GET (CSRF prevention) but serves GET with a preflight header or a JSON content type', async () => {
      const url = `${service.url}/graphql?query=${encodeURIComponent('{ editions { id } }')}`;
      const plain = await fetch(url);
      expect(plain.status).toBe(400);
      for (const headers of [PREFLIGHT, { 'content-type': 'application/json' }]) {
        const res = await fetch(url, { headers });
        expect(res.status).toBe(200);
        expect(((await res.json()) as Json).data.editions).toHaveLength(3);
      }
    });
  });

  describe('CORS from CORS_ORIGINS', () => {
    const preflight = (origin: string) =>
      fetch(`${service.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });

    it('allows a listed origin', async () => {
      const pre = await preflight('https://notebook.example');
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://notebook.example');
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/content-type/);
      const res = await post({ query: '{ editions { id } }' }, { origin: 'http://localhost:8888' });
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:8888');
      expect(res.headers.get('vary')).toMatch(/Origin/);
    });

    it('gives any other origin no CORS permission', async () => {
      expect((await preflight('https://evil.example')).status).toBe(403);
      const res = await post({ query: '{ editions { id } }' }, { origin: 'https://evil.example' });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('landing page, persisted queries, HEAD', () => {
    it('sends a browser opening /graphql to the explorer, not to a page loading other hosts', async () => {
      const res = await fetch(`${service.url}/graphql`, {
        headers: { accept: 'text/html' },
        redirect: 'manual',
      });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/');
      expect(await res.text()).not.toMatch(/apollographql|cdn\.|fonts\./);
    });

    it('maps malformed and unknown persisted queries to client codes, with nothing logged', async () => {
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const hash = 'a'.repeat(64);
        const cases: [unknown, number, string][] = [
          [{ extensions: { persistedQuery: 'x' } }, 400, 'BAD_REQUEST'],
          [{ extensions: 'x' }, 400, 'BAD_REQUEST'],
          [
            { extensions: { persistedQuery: { version: 2, sha256Hash: hash } } },
            400,
            'PERSISTED_QUERY_NOT_SUPPORTED',
          ],
          [{ extensions: { persistedQuery: { version: 1, sha256Hash: 42 } } }, 400, 'BAD_REQUEST'],
          [
            { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
            200,
            'PERSISTED_QUERY_NOT_FOUND',
          ],
          [
            {
              query: '{ editions { id } }',
              extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
            },
            400,
            'BAD_REQUEST',
          ],
        ];
        for (const [body, status, code] of cases) {
          const res = await post(body);
          expect([body, res.status, res.body.errors?.[0]?.extensions?.code]).toEqual([body, status, code]);
        }
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
    });

    it('answers HEAD wherever GET is answered, with no body', async () => {
      const gql = `/graphql?query=${encodeURIComponent('{ editions { id } }')}`;
      for (const [path, headers] of [
        ['/healthz', {}],
        ['/readyz', {}],
        ['/', {}],
        [gql, PREFLIGHT],
      ] as const) {
        const get = await fetch(`${service.url}${path}`, { headers });
        const head = await fetch(`${service.url}${path}`, { method: 'HEAD', headers });
        expect([path, head.status]).toEqual([path, get.status]);
        expect(await head.text()).toBe('');
      }
    });

    it('keeps introspection and suggestions outside production', async () => {
      const intro = await post({ query: '{ __schema { queryType { name } } }' });
      expect(intro.body.data.__schema.queryType.name).toBe('Query');
      // The explorer's own query, its deep TypeRef fragment included, passes every limit.
      const full = await post({
        query: getIntrospectionQuery({
          descriptions: true,
          specifiedByUrl: true,
          directiveIsRepeatable: true,
          schemaDescription: true,
          inputValueDeprecation: true,
        }),
        operationName: 'IntrospectionQuery',
      });
      expect([full.status, full.body.errors]).toEqual([200, undefined]);
      expect(full.body.data.__schema.types.length).toBeGreaterThan(20);
      const typo = await post({ query: '{ editions { nam } }' });
      expect(typo.body.errors[0].message).toMatch(/Did you mean/);
    });
  });
});

describe('hardening: production', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(MINI_FIXTURES, KUZU, {
      NODE_ENV: 'production',
      REQUEST_BUDGET_MS: '400',
    });
  }, 60_000);
  afterAll(() => service.close());
  const post = poster(() => service);

  it('turns introspection and "Did you mean" suggestions off', async () => {
    const intro = await post({ query: '{ __schema { queryType { name } } }' });
    expect(intro.status).toBe(400);
    expect(intro.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await post({ query: '{ editions { nam } }' });
    expect(typo.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.text).not.toMatch(/Did you mean|"name"/);
  });

  it('answers REQUEST_TIMEOUT once the time budget is spent, and starts no further round trip', async () => {
    // Each round trip takes 500 ms: the four levels below would need 2 s; the budget is 400 ms.
    const query = '{ talks { edges { node { speakers { talks { projects { name } } } } } } }';
    const counted = await countingReads(service.store.engine, () => post({ query }), 500);
    try {
      const res = counted.result;
      expect(res.status).toBe(503);
      expect(res.body.errors[0].extensions).toEqual({ code: 'REQUEST_TIMEOUT' });
      expect(res.ms).toBeLessThan(1800);
      const atAnswer = counted.reads();
      await new Promise((r) => setTimeout(r, 2000));
      expect(counted.reads()).toBe(atAnswer);
      expect(counted.reads()).toBeLessThanOrEqual(2);
    } finally {
      counted.restore();
    }
    // The service is still fine afterwards.
    expect((await post({ query: '{ editions { id } }' })).body.data.editions).toHaveLength(3);
  });

  it('hands every statement its request’s deadline, for the engine to stop it there', async () => {
    const engine = service.store.engine;
    const original = engine.read.bind(engine);
    const deadlines: (number | undefined)[] = [];
    // The stamp watcher's reads and the cost estimate's shared count (src/graphql/list-sizes.ts)
    // are on no request's behalf, and carry no deadline.
    const shared = ['graph/load-stamp', 'list/root-sizes'];
    const spy = jest.spyOn(engine, 'read').mockImplementation((query, params, options) => {
      if (!shared.includes(query.name)) deadlines.push(options?.deadline);
      return original(query, params, options);
    });
    try {
      const before = performance.now();
      const res = await post({ query: '{ deadlineProbe: editions { id talks(first: 1) { totalCount } } }' });
      const after = performance.now();
      expect(res.status).toBe(200);
      expect(deadlines.length).toBeGreaterThan(0);
      // The budget (REQUEST_BUDGET_MS, 400 ms) counted from when the request was taken.
      for (const deadline of deadlines) {
        expect(deadline).toBeGreaterThanOrEqual(before + 400);
        expect(deadline).toBeLessThanOrEqual(after + 400);
      }
    } finally {
      spy.mockRestore();
    }
  });
});
