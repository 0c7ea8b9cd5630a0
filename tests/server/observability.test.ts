/**
 * Logs and metrics of a running service: request ids (taken from the client
 * when safe, echoed, on every log line of the request), one JSON log line per
 * request, stacks only in the server log, LOG_LEVEL, and GET /metrics.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config';
import { StoreError } from '../../src/errors';
import { failReadsOf } from '../helpers/queries';
import { createLogger, type LogLevel } from '../../src/ops/log';
import * as metrics from '../../src/ops/metrics';
import { startService, type RunningService } from '../../src/server/service';
import type { Engine, Params } from '../../src/store/engine';
import type { NamedQuery } from '../../src/store/queries';
import { bumpGraphVersion } from '../../src/store/version';
import { fetchExport } from '../helpers/exports';
import { MINI_FIXTURES } from '../helpers/engines';

type Line = Record<string, unknown> & { msg: string; level: string; reqId?: string };

/** A service whose log lines land in `lines`, parsed. */
async function serviceWithLog(
  level: LogLevel,
): Promise<{ service: RunningService; lines: Line[]; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'recap-graph-obs-'));
  const lines: Line[] = [];
  const destination = { write: (chunk: string) => void lines.push(JSON.parse(chunk) as Line) };
  const config = readConfig({ PORT: '0', DATA_DIR: dataDir, FIXTURES_DIR: MINI_FIXTURES });
  const service = await startService(config, { logger: createLogger(level, destination) });
  return {
    service,
    lines,
    async close() {
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The log line is written when the response closes, just after the client has its answer. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('request ids and request log lines', () => {
  let s: Awaited<ReturnType<typeof serviceWithLog>>;
  beforeAll(async () => {
    s = await serviceWithLog('info');
  });
  afterAll(() => s.close());

  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${s.service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });

  it('echoes a safe x-request-id and logs one line for the request, carrying it', async () => {
    const res = await post('query Editions { editions { id speakers { id } } }', {
      'x-request-id': 'nb-42.run:7',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('nb-42.run:7');
    await settle();
    const mine = s.lines.filter((l) => l.reqId === 'nb-42.run:7');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      service: 'recap-graph',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operation: 'Editions',
      cacheHit: false,
    });
    // editions, then the speakers of all of them in one batch (the count the cost estimate
    // reads for `editions` is shared work, on no request's line).
    expect(mine[0]!.dbRoundTrips).toBe(2);
    expect(typeof mine[0]!.durationMs).toBe('number');
    expect(typeof mine[0]!.time).toBe('string');
  });

  it('says on the log line and in recap_cache_hits_total when the response cache answered', async () => {
    const hits = async () =>
      Number(
        /^recap_cache_hits_total (\d+)$/m.exec(await (await fetch(`${s.service.url}/metrics`)).text())![1],
      );
    const before = await hits();
    const query = 'query Cities { editions { city } }';
    await (await post(query, { 'x-request-id': 'cache-1' })).text();
    await (await post(query, { 'x-request-id': 'cache-2' })).text();
    await settle();
    const line = (id: string) => s.lines.find((l) => l.reqId === id && l.msg === 'request');
    expect(line('cache-1')).toMatchObject({ cacheHit: false, dbRoundTrips: 1 });
    expect(line('cache-2')).toMatchObject({ cacheHit: true, dbRoundTrips: 0, operation: 'Cities' });
    expect((await hits()) - before).toBe(1);
  });

  it.each([
    ['spaces and markup', 'a b<script>'],
    ['a header injection attempt', 'x\u00e9y'],
    ['an over-long id', 'a'.repeat(129)],
    ['an empty id', ''],
  ])('replaces %s with a generated UUID', async (_what, id) => {
    const res = await post('{ editions { id } }', { 'x-request-id': id });
    const echoed = res.headers.get('x-request-id');
    expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await settle();
    expect(s.lines.filter((l) => l.reqId === echoed)).toHaveLength(1);
  });

  it('generates an id when none is sent, on every route', async () => {
    const res = await fetch(`${s.service.url}/export/talks.ndjson`);
    await res.text();
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await settle();
    expect(s.lines.find((l) => l.reqId === id)).toMatchObject({ path: '/export/talks.ndjson', status: 200 });
    expect((await fetch(`${s.service.url}/nowhere`)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs an unexpected error with its stack under the request id, and sends none to the client', async () => {
    const engine = s.service.store.engine as Engine;
    // Only the request's read fails: the stamp watcher also reads, every second, outside requests.
    const spy = failReadsOf(engine, 'edition/all', new StoreError('secret table layout'));
    try {
      // no-cache: an answer cached by an earlier test would never reach the failing engine.
      const res = await post('{ editions { id } }', {
        'x-request-id': 'boom-1',
        'cache-control': 'no-cache',
      });
      const text = await res.text();
      expect(text).not.toMatch(/secret|stack|at /);
      await settle();
      const mine = s.lines.filter((l) => l.reqId === 'boom-1');
      const error = mine.find((l) => l.msg === 'internal error') as {
        err?: { message: string; stack: string };
      };
      expect(error).toMatchObject({ level: 'error', err: { message: 'secret table layout' } });
      expect(error.err!.stack).toMatch(/StoreError: secret table layout\n\s+at /);
      expect(mine.find((l) => l.msg === 'request')).toBeDefined();
    } finally {
      spy.mockRestore();
    }
  });
  it('logs a failure outside the GraphQL pipeline under the request id too, and sends nothing of it', async () => {
    // A plugin's willSendResponse throwing: Apollo's own catch, not the pipeline's, answers it.
    const spy = jest.spyOn(metrics, 'countRefused').mockImplementation(() => {
      throw new Error('secret metrics fault');
    });
    try {
      const res = await post('{ projectTimeline(projectId: "project:nowhere") { maturity } }', {
        'x-request-id': 'boom-2',
        'cache-control': 'no-cache',
      });
      expect(res.status).toBe(500);
      expect(await res.text()).not.toMatch(/secret|stack|at /);
      await settle();
      const error = s.lines.find((l) => l.reqId === 'boom-2' && l.msg === 'internal error') as {
        err?: { message: string };
      };
      expect(error).toMatchObject({ level: 'error', err: { message: 'secret metrics fault' } });
    } finally {
      spy.mockRestore();
    }
  });
});

describe('an export cut because a load completed while it streamed', () => {
  let s: Awaited<ReturnType<typeof serviceWithLog>>;
  beforeAll(async () => {
    s = await serviceWithLog('info');
  });
  afterAll(() => s.close());

  it('is logged as a warning with its reason, not as a failure with a stack', async () => {
    const engine = s.service.store.engine as Engine;
    const read = engine.read.bind(engine);
    // The mini graph's links fit in one window: the first is padded to a full one (5,000
    // links, the real rows repeated under new ranks) so a second is read, and a load
    // completes in between, as on a large graph.
    let windows = 0;
    engine.read = async (query: NamedQuery, params: Params) => {
      const rows = await read(query, params);
      if (!query.name.startsWith('analyst/company-project-links-after') || ++windows > 1) return rows;
      bumpGraphVersion(engine);
      return Array.from({ length: Number(params.limit) }, (_, rank) => ({
        ...rows[rank % rows.length]!,
        rank,
      }));
    };
    try {
      const cut = await fetchExport(`${s.service.url}/export/company-project-links.csv`);
      expect(cut).toMatchObject({ status: 200, complete: false });
      expect(windows).toBe(2);
    } finally {
      engine.read = read;
    }
    await settle();
    const mine = s.lines.filter(
      (l) => l.path === '/export/company-project-links.csv' || l.msg === 'response cut',
    );
    expect(mine.find((l) => l.msg === 'response cut')).toMatchObject({
      level: 'warn',
      reason: expect.stringMatching(/reloaded during the export/),
    });
    expect(s.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('LOG_LEVEL', () => {
  it('is read from the environment, info by default, and refused when unknown', () => {
    expect(readConfig({}).logLevel).toBe('info');
    expect(readConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL: must be one of fatal, error, warn/);
  });

  it('at warn, a successful request writes no line; probes are debug lines', async () => {
    const quiet = await serviceWithLog('warn');
    const chatty = await serviceWithLog('debug');
    try {
      await (
        await fetch(`${quiet.service.url}/graphql?query=%7Beditions%7Bid%7D%7D`, {
          headers: { 'apollo-require-preflight': 'true' },
        })
      ).text();
      await (await fetch(`${chatty.service.url}/readyz`)).text();
      await settle();
      expect(quiet.lines.filter((l) => l.msg === 'request')).toEqual([]);
      expect(chatty.lines.find((l) => l.msg === 'request' && l.path === '/readyz')).toMatchObject({
        level: 'debug',
      });
    } finally {
      await quiet.close();
      await chatty.close();
    }
  });
});

describe('GET /metrics', () => {
  let s: Awaited<ReturnType<typeof serviceWithLog>>;
  beforeAll(async () => {
    s = await serviceWithLog('silent');
  });
  afterAll(() => s.close());

  /** The value of one series in a scrape (0 when absent: a counter not yet incremented). */
  const valueOf = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line ? Number(line.slice(series.length + 1)) : 0;
  };
  const scrape = async () => (await fetch(`${s.service.url}/metrics`)).text();

  it('serves Prometheus text with process, request, database, cache and refusal metrics', async () => {
    const graphql = (query: string) =>
      fetch(`${s.service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      }).then((r) => r.text());
    // One registry per process: other suites in this file have counted already, so compare before and after.
    const before = await scrape();
    await graphql('query Stats { editionStats { talks } }');
    await graphql('{ talks { nosuchfield nosuchother } }');
    await graphql('{ talks(first: 1000) { totalCount } }');
    await settle();
    const res = await fetch(`${s.service.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const delta = (series: string) => valueOf(text, series) - valueOf(before, series);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(delta('recap_requests_total{route="/graphql",operation="Stats",status="200"}')).toBe(1);
    expect(delta('recap_request_duration_seconds_bucket{le="+Inf",route="/graphql",operation="Stats"}')).toBe(
      1,
    );
    expect(delta('recap_db_round_trips_total')).toBeGreaterThanOrEqual(1);
    expect(delta('recap_db_seconds_total')).toBeGreaterThan(0);
    expect(text).toMatch(/^recap_cache_hits_total \d+$/m);
    expect(text).toMatch(/^recap_cache_misses_total \d+$/m);
    // Two validation errors in one request count once; an out-of-range argument counts as BAD_USER_INPUT.
    expect(delta('recap_requests_refused_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(delta('recap_requests_refused_total{code="BAD_USER_INPUT"}')).toBe(1);
  });

  it('counts the operations run on graphql-js and on a compiled function', async () => {
    const series = (executor: string) => `recap_graphql_executions_total{executor="${executor}"}`;
    const before = await scrape();
    // A document new to this service, sent three times without the cache: graphql-js once, then compiled.
    const body = JSON.stringify({ query: '{ executorCount: editions { id } }' });
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${s.service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' },
        body,
      });
      expect(res.status).toBe(200);
    }
    const after = await scrape();
    const delta = (executor: string) => valueOf(after, series(executor)) - valueOf(before, series(executor));
    expect(delta('graphql-js')).toBe(1);
    expect(delta('compiled')).toBe(2);
  });

  it('counts an operationName the document does not hold as refused with OPERATION_RESOLUTION_FAILURE', async () => {
    const series = 'recap_requests_refused_total{code="OPERATION_RESOLUTION_FAILURE"}';
    const before = valueOf(await scrape(), series);
    const res = await fetch(`${s.service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { editions { id } }', operationName: 'B' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
    await settle();
    expect(valueOf(await scrape(), series) - before).toBe(1);
  });

  it('counts an export with an unknown filter as refused with UNKNOWN_FILTER', async () => {
    const series = 'recap_requests_refused_total{code="UNKNOWN_FILTER"}';
    const before = valueOf(await scrape(), series);
    const res = await fetch(`${s.service.url}/export/talks.csv?colour=blue`);
    expect(res.status).toBe(400);
    await res.text();
    expect(valueOf(await scrape(), series) - before).toBe(1);
  });

  it('counts a request that is not JSON as refused with BAD_REQUEST', async () => {
    const before = await scrape();
    const res = await fetch(`${s.service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(res.status).toBe(400);
    await settle();
    const after = await scrape();
    const series = 'recap_requests_refused_total{code="BAD_REQUEST"}';
    expect(valueOf(after, series) - valueOf(before, series)).toBe(1);
    expect(
      valueOf(after, 'recap_requests_total{route="/graphql",operation="",status="400"}'),
    ).toBeGreaterThanOrEqual(1);
  });
});
