/**
 * The response cache over HTTP: repeated read queries are answered without a
 * database round trip, and never across a completed load.
 */
import { startTestService, type TestService } from '../helpers/service';
import { loadFixtures } from '../../src/load/load';
import { MINI_FIXTURES } from '../helpers/engines';
import { ResponseCache, withoutExtensions } from '../../src/server/response-cache';
import { ApolloServer } from '@apollo/server';
import { createHash } from 'node:crypto';
import { parse, type OperationDefinitionNode } from 'graphql';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

describe('response cache', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  const post = async (body: unknown, headers: Record<string, string> = {}): Promise<Body> =>
    (
      await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-debug-stats': '1', ...headers },
        body: JSON.stringify(body),
      })
    ).json();

  const TALKS = { query: 'query($n: Int) { talks(first: $n) { totalCount edges { node { title } } } }' };

  it('answers a repeated query from the cache, with no round trip, and says so', async () => {
    const first = await post({ ...TALKS, variables: { n: 3 } });
    const second = await post({ ...TALKS, variables: { n: 3 } });
    expect(first.extensions.stats.cache.status).toBe('miss');
    expect(first.extensions.stats.dbRoundTrips).toBeGreaterThan(0);
    expect(second.extensions.stats.cache.status).toBe('hit');
    expect(second.extensions.stats.dbRoundTrips).toBe(0);
    expect(second.data).toEqual(first.data);
    expect(second.extensions.stats.cache.hits).toBeGreaterThan(first.extensions.stats.cache.hits);
  });

  it('keys by variables', async () => {
    await post({ ...TALKS, variables: { n: 2 } });
    const other = await post({ ...TALKS, variables: { n: 1 } });
    expect(other.extensions.stats.cache.status).toBe('miss');
    expect(other.data.talks.edges).toHaveLength(1);
  });

  it('keys only the variables the operation declares, and tells an omitted one from a null one', async () => {
    const query = 'query($n: Int = 2) { talks(first: $n) { edges { node { title } } } }';
    const first = await post({ query, variables: { n: 1 } });
    const padded = await post({ query, variables: { n: 1, unused: 'x'.repeat(10_000) } });
    expect(padded.extensions.stats.cache.status).toBe('hit');
    expect(padded.data).toEqual(first.data);
    const omitted = await post({ query });
    expect(omitted.data.talks.edges).toHaveLength(2);
    const nulled = await post({ query, variables: { n: null } });
    expect(nulled.extensions.stats.cache.status).toBe('miss');
  });

  it('answers variables nested past the stack without keeping them', async () => {
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    const send = async (query: string, variables: string) => {
      const res = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-debug-stats': '1' },
        body: `{"query":${JSON.stringify(query)},"variables":${variables}}`,
      });
      return { status: res.status, body: (await res.json()) as Body };
    };
    // Undeclared: never keyed, the answer is kept.
    const unused = await send('{ __typename }', `{"junk":${deep}}`);
    expect(unused).toMatchObject({ status: 200, body: { data: { __typename: 'Query' } } });
    // Declared: not keyed (bypass), and refused by the variables' own check, not by a crash.
    const declared = await send(
      'query($t: [EntityType!]) { search(query: "envoy", types: $t) { label } }',
      `{"t":${deep}}`,
    );
    expect(declared.status).toBe(400);
    expect(declared.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(declared.body.extensions.stats.cache.status).toBe('bypass');
  });

  it('bypasses the cache on Cache-Control: no-cache', async () => {
    await post({ ...TALKS, variables: { n: 4 } });
    const fresh = await post({ ...TALKS, variables: { n: 4 } }, { 'cache-control': 'no-cache' });
    expect(fresh.extensions.stats.cache.status).toBe('bypass');
    expect(fresh.extensions.stats.dbRoundTrips).toBeGreaterThan(0);
  });

  it('does not keep answers with errors', async () => {
    const bad = { query: '{ projectTimeline(projectId: "project:nowhere") { maturity } }' };
    await post(bad);
    const again = await post(bad);
    expect(again.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(again.extensions.stats.cache.status).toBe('miss');
  });

  it('serves nothing computed before a completed load', async () => {
    await post({ ...TALKS, variables: { n: 5 } });
    expect((await post({ ...TALKS, variables: { n: 5 } })).extensions.stats.cache.status).toBe('hit');
    await loadFixtures(service.store.engine, service.store.queries, MINI_FIXTURES);
    const after = await post({ ...TALKS, variables: { n: 5 } });
    expect(after.extensions.stats.cache.status).toBe('miss');
    expect(after.extensions.stats.dbRoundTrips).toBeGreaterThan(0);
  });
});

describe('response cache: plain repeats answered before Apollo', () => {
  let service: TestService;
  let apolloCalls: jest.SpyInstance;
  beforeAll(async () => {
    service = await startTestService();
    apolloCalls = jest.spyOn(ApolloServer.prototype, 'executeHTTPGraphQLRequest');
  });
  afterAll(async () => {
    apolloCalls.mockRestore();
    await service.close();
  });

  const send = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    // Every header but those that differ from one answer to the next.
    const sent = Object.fromEntries([...res.headers].filter(([name]) => !VOLATILE.has(name)));
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      headers: sent,
      text: await res.text(),
    };
  };
  const VOLATILE = new Set(['date', 'x-request-id']);
  /** How many of the requests `run` sends reach Apollo. */
  const apolloCallsDuring = async (run: () => Promise<unknown>): Promise<number> => {
    const before = apolloCalls.mock.calls.length;
    await run();
    return apolloCalls.mock.calls.length - before;
  };
  const counted = async (): Promise<{ hits: number; pageRequests: number }> => {
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    const value = (pattern: RegExp) => Number(pattern.exec(metrics)?.[1] ?? NaN);
    return {
      hits: value(/^recap_cache_hits_total (\d+)/m),
      pageRequests: value(/^recap_requests_total\{route="\/graphql",operation="Page",status="200"\} (\d+)/m),
    };
  };

  const QUERY = 'query Page($n: Int) { talks(first: $n) { totalCount edges { node { title } } } }';

  it('answers a repeat without Apollo, byte for byte and header for header as Apollo answered it', async () => {
    const body = { query: QUERY, operationName: 'Page', variables: { n: 2 } };
    const first = await send(body);
    const fresh = await send(body, { 'cache-control': 'no-cache' }); // through Apollo, kept again
    const before = await counted();
    let repeat: Awaited<ReturnType<typeof send>> | undefined;
    expect(await apolloCallsDuring(async () => (repeat = await send(body)))).toBe(0);
    expect(repeat).toEqual(fresh);
    expect(repeat).toEqual(first);
    expect(JSON.parse(repeat!.text).data.talks.edges).toHaveLength(2);
    // Counted as a hit, and as a request of its operation (its log line names it too).
    expect(await counted()).toEqual({ hits: before.hits + 1, pageRequests: before.pageRequests + 1 });
  });

  it('keeps an answer asked with stats without them, byte for byte as a plain request is answered', async () => {
    // A field aliased `extensions` is data: only the body's own extensions, written last, are cut.
    const query = 'query Stats { first: editions { id } extensions: talks(first: 2) { totalCount } }';
    const plain = await send({ query }); // through Apollo
    const withStats = await send({ query }, { 'x-debug-stats': '1', 'cache-control': 'no-cache' });
    expect(JSON.parse(withStats.text).extensions.stats.dbRoundTrips).toBeGreaterThan(0);
    // Kept again by the request with stats: a plain repeat is answered before Apollo with that text.
    let repeat: Awaited<ReturnType<typeof send>> | undefined;
    expect(await apolloCallsDuring(async () => (repeat = await send({ query })))).toBe(0);
    expect(repeat!.text).toBe(plain.text);
    expect(JSON.parse(repeat!.text)).toEqual({ data: JSON.parse(withStats.text).data });
  });

  it("keeps nothing when the text does not end with the answer's extensions", () => {
    const text = '{"data":{"a":1},"extensions":{"stats":{"dbRoundTrips":1}}}\n';
    expect(withoutExtensions(text, { stats: { dbRoundTrips: 1 } })).toBe('{"data":{"a":1}}\n');
    expect(withoutExtensions(text, { stats: { dbRoundTrips: 2 } })).toBeUndefined();
    expect(withoutExtensions('{"data":{"a":1}}\n', undefined)).toBe('{"data":{"a":1}}\n');
  });

  it('finds the answer under the key Apollo keyed it: declared variables only, operation name as sent', async () => {
    await send({ query: QUERY, variables: { n: 3 } });
    const padded = { query: QUERY, variables: { n: 3, unused: 'x' }, operationName: null, other: 1 };
    expect(await apolloCallsDuring(() => send(padded))).toBe(0);
    // Another value of a declared variable is another answer: Apollo computes it.
    expect(await apolloCallsDuring(() => send({ query: QUERY, variables: { n: 1 } }))).toBe(1);
    // Asked by its name (resolved so by the first test), it is the same operation: the same answer.
    expect(
      await apolloCallsDuring(() => send({ query: QUERY, operationName: 'Page', variables: { n: 3 } })),
    ).toBe(0);
    // A name the text does not hold is Apollo's to refuse, every time.
    const unknown = { query: QUERY, operationName: 'Other', variables: { n: 3 } };
    expect(await apolloCallsDuring(() => send(unknown))).toBe(1);
    expect(await apolloCallsDuring(() => send(unknown))).toBe(1);
    // So is an empty name, which is a name, not the absent one: a 400 each time, never the kept answer.
    const empty = { query: QUERY, operationName: '', variables: { n: 3 } };
    for (let i = 0; i < 2; i++) {
      let answer: Awaited<ReturnType<typeof send>> | undefined;
      expect(await apolloCallsDuring(async () => (answer = await send(empty)))).toBe(1);
      expect(answer!.status).toBe(400);
    }
  });

  it('leaves to Apollo what the kept text cannot answer', async () => {
    const body = { query: QUERY, variables: { n: 4 } };
    await send(body);
    const throughApollo = async (headers: Record<string, string>, extra: Record<string, unknown> = {}) =>
      apolloCallsDuring(() => send({ ...body, ...extra }, headers));
    expect(await throughApollo({ 'x-debug-stats': '1' })).toBe(1);
    expect(await throughApollo({ 'cache-control': 'no-store' })).toBe(1);
    expect(await throughApollo({ pragma: 'no-cache' })).toBe(1);
    expect(await throughApollo({ accept: 'application/graphql-response+json' })).toBe(1);
    expect(await throughApollo({}, { extensions: {} })).toBe(1);
    // And what Apollo answers to them is its own: the negotiated type, a refusal.
    const negotiated = await send(body, { accept: 'application/graphql-response+json' });
    expect(negotiated.type).toBe('application/graphql-response+json; charset=utf-8');
    const refused = await send({ ...body, variables: 'n=4' });
    expect(refused.status).toBe(400);
  });

  it('answers nothing kept before a completed load', async () => {
    const body = { query: QUERY, variables: { n: 5 } };
    await send(body);
    expect(await apolloCallsDuring(() => send(body))).toBe(0);
    await loadFixtures(service.store.engine, service.store.queries, MINI_FIXTURES);
    expect(await apolloCallsDuring(() => send(body))).toBe(1);
  });
});

describe('response cache keys and sizes', () => {
  it('keys a digest: neither a long text nor large variables stay in memory with the answer', () => {
    const short = ResponseCache.key(1, 'hash', 'Q', ['q'], { q: 'x' });
    const long = ResponseCache.key(1, 'hash', 'Q', ['q'], { q: 'x'.repeat(900_000) });
    expect(long).toHaveLength(short!.length);
    expect(long).not.toBe(short);
    expect(ResponseCache.key(2, 'hash', 'Q', ['q'], { q: 'x' })).not.toBe(short);
    expect(ResponseCache.key(1, 'hash', 'Q', ['q'], { q: 'x', other: 'y' })).toBe(short);
    expect(ResponseCache.key(1, 'hash', null, ['q'], { q: 'x' })).not.toBe(short);
  });

  it('forgets the oldest operation shapes past their byte budget, however long their names', () => {
    const cache = new ResponseCache();
    // One token each, a MiB long: the query limits let such a name through.
    const text = (i: number) => `query Q${i}($${'v'.repeat(1024 * 1024)}${i}: Int) { __typename }`;
    for (let i = 0; i < 20; i++) {
      const hash = createHash('sha256').update(text(i)).digest('hex');
      const shape = cache.remember(hash, undefined, parse(text(i)).definitions[0] as OperationDefinitionNode);
      cache.setText(ResponseCache.key(1, hash, shape.name, shape.declared, {})!, `{"data":{"i":${i}}}\n`);
    }
    // 20 MiB of variable names in an 8 MiB budget: the first shapes went, the last stay.
    expect(cache.textFor(1, text(0), undefined, {})).toBeUndefined();
    expect(cache.textFor(1, text(19), undefined, {})).toEqual({
      text: '{"data":{"i":19}}\n',
      operation: 'Q19',
    });
  });

  it('counts each answer against its byte budget', () => {
    const cache = new ResponseCache();
    const data = { text: 'y'.repeat(1024 * 1024) };
    for (let i = 0; i < 200; i++) cache.setText(`key${i}`, JSON.stringify({ data }) + '\n');
    // 200 MiB of answers in a 64 MiB cache: the oldest went.
    expect(cache.get('key0')).toBeUndefined();
    expect(cache.get('key199')).toEqual(data);
    expect(cache.text('key199')).toBe(JSON.stringify({ data }) + '\n');
  });
});
