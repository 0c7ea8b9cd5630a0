/**
 * Fuzzing over real HTTP: a few thousand requests built from the saved
 * examples by a seeded PRNG — mutated query text, hostile variables, forged
 * and tampered cursors, odd methods, headers and bodies. Whatever comes in:
 * no 5xx, no INTERNAL_SERVER_ERROR, no stack trace or database text in any
 * response, and the service still answers afterwards. FUZZ_SEED and
 * FUZZ_REQUESTS override the seed and the count; a failure prints the seed
 * and the request that broke it.
 */
import { EXAMPLES } from '../../src/server/examples';
import { startTestService, type TestService } from '../helpers/service';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';

const SEED = Number(process.env.FUZZ_SEED ?? 0x8a);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const CONCURRENCY = 8;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}

type Rng = ReturnType<typeof prng>;

const TEMPLATES: { query: string; variables?: Record<string, unknown> }[] = [
  ...EXAMPLES.map((e) => ({ query: e.query, variables: e.variables })),
  {
    query:
      'query($f: TalkFilter, $n: Int, $a: String, $o: TalkOrder) { talks(filter: $f, first: $n, after: $a, orderBy: $o) { totalCount edges { cursor node { id title speakers { name } } } pageInfo { endCursor hasNextPage } } }',
    variables: { f: { editionId: 'edition:kubecon-eu-2018' }, n: 2, a: null, o: 'NEWEST' },
  },
  {
    query:
      'query($n: Int, $a: String) { speakers(first: $n, after: $a) { edges { cursor node { name companies { name } } } } }',
    variables: { n: 3, a: null },
  },
  {
    query:
      'query($q: String!, $t: [EntityType!], $n: Int) { search(query: $q, types: $t, first: $n) { label score node { id } } }',
    variables: { q: 'envoy', t: ['PROJECT'], n: 5 },
  },
  {
    query:
      'query($f: ID!, $t: ID!, $h: Int) { path(from: $f, to: $t, maxHops: $h) { length steps { relation } } }',
    variables: { f: 'company:lyft', t: 'project:envoy', h: 4 },
  },
  {
    query:
      'query($id: ID!) { node(id: $id) { id ... on Edition { name talks(first: 1) { edges { cursor } } } } }',
    variables: { id: 'edition:kubecon-eu-2018' },
  },
];

const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  ':',
  '"',
  '...',
  '$',
  '!',
  '[',
  ']',
  '=',
  '@skip(if: true)',
  '@include(if: $x)',
  '__typename',
  '__schema { types { name } }',
  'first: 100000',
  'first: -1',
  'after: "x"',
  'maxHops: 99',
  'fragment F on Query { editions { id } }',
  '...F',
  'query Q',
  'mutation',
  'subscription',
  '#',
  '\\u0000',
  'é',
  '😀',
  '\u0000',
  '"""',
  '0x1',
  '1e999',
  'null',
  'true',
  'talks',
  'edges { node { id } }',
];

const HOSTILE_VALUES: unknown[] = [
  null,
  -1,
  0,
  1,
  2 ** 31,
  2 ** 53,
  -(2 ** 53),
  1e308,
  3.5,
  '',
  ' ',
  'x'.repeat(5000),
  'é'.repeat(300),
  '\u0000',
  '__proto__',
  'constructor',
  'edition:',
  'person:',
  'talk:../../etc',
  'NEWEST',
  'TITLE',
  'BOGUS',
  [],
  [null],
  ['PROJECT', 'NOPE'],
  {},
  { __proto__: { polluted: true } },
  { editionId: 42 },
  { titleContains: 'x'.repeat(1000) },
  true,
  '9007199254740993',
  'kubecon '.repeat(30),
];

function mutateText(rng: Rng, text: string): string {
  let out = text;
  const rounds = 1 + rng.int(3);
  for (let i = 0; i < rounds; i++) {
    const at = rng.int(out.length + 1);
    switch (rng.int(6)) {
      case 0: // delete a span
        out = out.slice(0, at) + out.slice(at + 1 + rng.int(20));
        break;
      case 1: // insert a token
        out = `${out.slice(0, at)} ${rng.pick(TOKENS)} ${out.slice(at)}`;
        break;
      case 2: // duplicate a span
        out = out.slice(0, at) + out.slice(at, at + 40) + out.slice(at);
        break;
      case 3: // truncate
        out = out.slice(0, at);
        break;
      case 4: // replace a character
        out = out.slice(0, at) + String.fromCharCode(rng.int(0x3000)) + out.slice(at + 1);
        break;
      default: // wrap in another selection
        out = `{ a: ${rng.pick(['editions', 'talks', 'search(query: "x")', 'node(id: "x")'])} ${out} }`;
    }
  }
  return out;
}

/** A cursor this API never issued: old unsigned formats, tampered signatures, junk. */
function forgedCursor(rng: Rng, real: string | undefined): string {
  const offsets = ['100000', '4294967295', '9007199254740992', '-1', '5001', '1e9', ''];
  const orders = ['', 'NEWEST', 'NAME', 'TITLE', 'OLDEST', 'TALKS', 'x'];
  switch (rng.int(5)) {
    case 0:
      return Buffer.from(`v1:${rng.pick(orders)}:${rng.pick(offsets)}`).toString('base64url');
    case 1:
      return `${Buffer.from(`v2:${rng.pick(orders)}:${rng.pick(offsets)}`).toString('base64url')}.${'A'.repeat(22)}`;
    case 2:
      if (real) {
        const i = rng.int(real.length);
        return real.slice(0, i) + String.fromCharCode(33 + rng.int(90)) + real.slice(i + 1);
      }
      return 'x';
    case 3:
      return real ? `${real}.${real}` : '..';
    default:
      return rng.pick(['', '.', 'x'.repeat(10_000), '\u0000', '%00', '😀', '....']);
  }
}

interface Fuzzed {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function fuzzed(rng: Rng, cursors: string[]): Fuzzed {
  const template = rng.pick(TEMPLATES);
  let query = template.query;
  const variables: Record<string, unknown> = { ...(template.variables ?? {}) };
  const kind = rng.int(10);
  if (kind <= 3) query = mutateText(rng, query);
  if (kind === 4 || kind === 5 || rng.chance(0.2)) {
    for (const key of Object.keys(variables)) if (rng.chance(0.5)) variables[key] = rng.pick(HOSTILE_VALUES);
    if (rng.chance(0.2)) variables[rng.pick(['zz', '__proto__', 'constructor'])] = rng.pick(HOSTILE_VALUES);
  }
  if (kind === 6 && 'a' in variables)
    variables.a = forgedCursor(rng, rng.pick(cursors.length ? cursors : ['']));
  if (kind === 6 && !('a' in variables)) {
    query = 'query($a: String) { talks(first: 2, after: $a) { edges { cursor } } }';
    variables.a = forgedCursor(rng, cursors.length ? rng.pick(cursors) : undefined);
  }
  const headers: Record<string, string> = {};
  // Mostly well-formed envelopes, so that most requests reach the resolvers.
  const contentType = rng.chance(0.8)
    ? rng.pick(['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON'])
    : rng.pick([
        'text/plain; application/json',
        'text/plain',
        'application/graphql',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        '',
      ]);
  if (contentType && rng.chance(0.9)) headers['content-type'] = contentType;
  if (rng.chance(0.7)) headers['apollo-require-preflight'] = 'true';
  if (rng.chance(0.2)) headers['x-debug-stats'] = rng.pick(['1', '0', 'yes']);
  if (rng.chance(0.2)) headers.origin = rng.pick(['https://evil.example', 'null', 'http://localhost:4000']);
  if (rng.chance(0.2))
    headers.accept = rng.pick([
      'text/html',
      'application/graphql-response+json',
      '*/*',
      'multipart/mixed; deferSpec=20220824',
      'x',
    ]);
  const method = rng.chance(0.9)
    ? rng.pick(['POST', 'POST', 'GET', 'HEAD'])
    : rng.pick(['PUT', 'OPTIONS', 'DELETE', 'PATCH']);
  const payload: Record<string, unknown> = { query, variables };
  if (rng.chance(0.1)) payload.operationName = rng.pick(['Nope', '', null, 42]);
  if (rng.chance(0.1)) {
    payload.extensions = rng.pick<unknown>([
      'x',
      { persistedQuery: rng.pick(HOSTILE_VALUES) },
      { persistedQuery: { version: rng.pick([1, 2, '1', null]), sha256Hash: rng.pick(HOSTILE_VALUES) } },
    ]);
  }
  if (method === 'GET' || method === 'HEAD') {
    const search = new URLSearchParams();
    search.set('query', query);
    if (rng.chance(0.7)) search.set('variables', rng.chance(0.9) ? JSON.stringify(variables) : '{nope');
    if (payload.extensions && rng.chance(0.5)) search.set('extensions', JSON.stringify(payload.extensions));
    return { method, path: `/graphql?${search.toString()}`, headers };
  }
  let body: string;
  switch (rng.int(12)) {
    case 0:
      body = JSON.stringify([payload, payload]); // batching is not enabled
      break;
    case 1:
      body = JSON.stringify(payload).slice(0, rng.int(200));
      break;
    case 2:
      body = rng.pick([
        '',
        'null',
        '0',
        '"x"',
        '[]',
        '{}',
        '{"query": 1}',
        '{"query": null}',
        '{"variables": 1}',
      ]);
      break;
    default:
      body = JSON.stringify(payload);
  }
  const path = rng.chance(0.05)
    ? rng.pick(['/graphql/', '/GRAPHQL', '/graphql?x=%ZZ', '/export/talks.csv?first=-1'])
    : '/graphql';
  return { method, path, headers, body: method === 'OPTIONS' ? undefined : body };
}

const DRIVER_TEXT =
  /kuzu|neo4j|binder exception|runtime exception|catalog exception|parser exception|segmentation/i;
const STACK = /\n\s+at \S+.*:\d+:\d+|\bat (async )?\w+ \(/;

describeEachEngine('fuzzing the HTTP API', (engine) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(MINI_FIXTURES, engine);
    // Each template once, in turn: a cold Neo4j plans every new query, which on a busy
    // machine can take longer than the request budget when eight arrive at once.
    for (const { query, variables } of TEMPLATES) {
      await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
    }
  }, 120_000);
  afterAll(() => service.close());

  it(`survives ${REQUESTS} mutated requests (seed ${SEED}) with no 5xx, no internal error, no leak`, async () => {
    const rng = prng(SEED);
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const cursors: string[] = [];
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const started = performance.now();
    const worker = async () => {
      while (sent < REQUESTS && failures.length < 5) {
        sent++;
        const req = fuzzed(rng, cursors);
        let status = 0;
        let text = '';
        try {
          const res = await fetch(`${service.url}${req.path}`, {
            method: req.method,
            headers: req.headers,
            body: req.body,
            redirect: 'manual',
          });
          status = res.status;
          text = await res.text();
        } catch (error) {
          failures.push(`network error ${(error as Error).message} for ${JSON.stringify(req).slice(0, 500)}`);
          continue;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        for (const m of text.matchAll(/"cursor":"([^"]+)"/g)) if (cursors.length < 50) cursors.push(m[1]!);
        const problem =
          status >= 500
            ? `status ${status}`
            : text.includes('INTERNAL_SERVER_ERROR')
              ? 'INTERNAL_SERVER_ERROR'
              : STACK.test(text)
                ? 'stack trace'
                : DRIVER_TEXT.test(text)
                  ? 'database text'
                  : null;
        if (problem)
          failures.push(`${problem}: ${text.slice(0, 300)} for ${JSON.stringify(req).slice(0, 500)}`);
      }
    };
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      logged.mockRestore();
    }
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `fuzz seed ${SEED}: ${sent} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(failures).toEqual([]);
    expect(logged).not.toHaveBeenCalled();
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    const after = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ editions { id } }' }),
    });
    expect(((await after.json()) as { data: { editions: unknown[] } }).data.editions).toHaveLength(3);
  }, 120_000);
});
