/**
 * The HTTP surface on Node's own server:
 *   POST/GET /graphql  the GraphQL API (Apollo Server)
 *   GET /healthz       the process is alive
 *   GET /readyz        200 only when the service is ready (see readiness.ts)
 *   GET /metrics       Prometheus metrics (src/ops/metrics.ts)
 * Further routes (explorer, exports) plug in through `extraRoutes`. HEAD is
 * answered wherever GET is.
 *
 * Every request gets an id (the client's `x-request-id` if safe, else a UUID),
 * echoed in the `x-request-id` response header, and one log line when it ends.
 *
 * Hygiene against careless and hostile clients lives here: the body limit is
 * enforced while reading, slow clients are bounded by Node's header and
 * request timeouts, only `application/json` bodies are parsed, CORS follows
 * an allow-list, and each GraphQL request has a time budget.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Context } from '../graphql/context';
import { createContext } from '../graphql/context';
import type { Store } from '../store/open';
import type { LimitError } from '../errors';
import { silentLogger, type Logger } from '../ops/log';
import { countRefused, recordRequest, registry, routeOf } from '../ops/metrics';
import { newRequest, requestIdOf, runInRequest, type RequestInfo } from '../ops/request';
import type { Readiness } from './readiness';

export const MAX_BODY_BYTES = 1024 * 1024;

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;

export interface HttpOptions {
  /** Wall-clock budget of one GraphQL request, in ms. */
  requestBudgetMs: number;
  /** Browser origins allowed to call /graphql (exact match). */
  corsOrigins: readonly string[];
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Structural query limits checked before Apollo parses and validates (graphql/limits.ts). */
  precheck?: (query: unknown) => LimitError | null;
  /** What /readyz answers (readiness.ts); without it, /readyz only pings the store. */
  readiness?: Pick<Readiness, 'check'>;
  /** Server log; each request logs through a child of it carrying its id. */
  logger?: Logger;
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = {
  requestBudgetMs: 10_000,
  corsOrigins: [],
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};

/** Headers a browser may send cross-origin: those CSRF prevention and debug stats read. */
const CORS_HEADERS = 'content-type, apollo-require-preflight, x-apollo-operation-name, x-debug-stats';

/** Requests that came as HEAD, which handle() passes to the GET routes. */
const heads = new WeakSet<IncomingMessage>();

/** True when `req` came as HEAD: a route may end after its headers, as no body goes out anyway. */
export const servesHead = (req: IncomingMessage): boolean => heads.has(req);

export function createHttpServer(
  apollo: ApolloServer<Context>,
  store: Store,
  extraRoutes: Route[] = [],
  options: HttpOptions = DEFAULT_HTTP_OPTIONS,
): Server {
  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      // Node checks both timeouts on this period (30 s by default), which would
      // let a slow client outlive a short timeout by that much.
      connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(options.headersTimeoutMs / 4))),
    },
    (req, res) => {
      const request = newRequest(requestIdOf(req.headers['x-request-id']), options.logger ?? silentLogger);
      res.setHeader('x-request-id', request.id);
      const started = performance.now();
      const method = req.method; // before handle() serves HEAD as GET
      const url = parseTarget(req.url);
      res.once('close', () => logRequest(url, method, res, request, performance.now() - started));
      runInRequest(request, () =>
        handle(req, res, url).catch((error: unknown) => {
          request.log.error({ err: error }, 'request failed');
          if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
          // Headers and part of the body are out (an export cut by a database failure): close the
          // connection after what was written, without the last chunk, so the client sees a broken
          // response rather than a complete one holding the first rows only.
          else res.socket?.end();
        }),
      );
    },
  );
  return server;

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL | undefined): Promise<void> {
    if (!url) return sendError(res, 400, 'BAD_REQUEST', 'the request target is not a valid URL path');
    // Node already sends no body for HEAD (decided when the response was
    // created), so HEAD can take every GET route unchanged; a route that would
    // work to make the body asks servesHead.
    if (req.method === 'HEAD') {
      heads.add(req);
      req.method = 'GET';
    }
    if (url.pathname === '/graphql') return graphql(req, res, url);
    if (GET_ONLY.has(url.pathname) && req.method !== 'GET') {
      res.setHeader('allow', 'GET, HEAD');
      return sendJson(res, 405, { error: `${req.method} is not allowed on ${url.pathname}: use GET` });
    }
    if (url.pathname === '/healthz' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz' && req.method === 'GET') {
      if (options.readiness) {
        const answer = await options.readiness.check();
        return sendJson(res, answer.status, answer.body);
      }
      try {
        await store.engine.ping();
        return sendJson(res, 200, { status: 'ready', engine: store.engine.name });
      } catch {
        return sendJson(res, 503, { status: 'unavailable', engine: store.engine.name });
      }
    }
    if (url.pathname === '/metrics' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': registry.contentType });
      return void res.end(await registry.metrics());
    }
    for (const route of extraRoutes) if (await route(req, res, url)) return;
    sendJson(res, 404, { error: `no route for ${req.method} ${url.pathname}` });
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!cors(req, res)) return;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { allow: 'GET, HEAD, POST, OPTIONS' });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('allow', 'GET, HEAD, POST, OPTIONS');
      return sendError(res, 405, 'BAD_REQUEST', `${req.method} is not supported on /graphql`);
    }
    // A browser opening the API's URL gets the explorer, not Apollo's landing page.
    if (req.method === 'GET' && !url.searchParams.has('query') && accepts(req, 'text/html')) {
      res.writeHead(302, { location: '/' });
      res.end();
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      // `text/plain; application/json` and the like are not JSON: refuse before reading.
      if (mediaType(headers.get('content-type')) !== 'application/json') {
        return sendError(
          res,
          415,
          'BAD_REQUEST',
          'POST bodies must be sent as content-type: application/json',
        );
      }
      const text = await readBody(req);
      if (text === ABORTED) return; // the client went away (or Node answered 408): nobody to answer
      if (text === null) return tooLarge(req, res);
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        return sendError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON');
      }
      const problem = persistedQueryProblem(body);
      if (problem) return sendError(res, 400, problem[0], problem[1]);
    } else {
      const extensions = url.searchParams.get('extensions');
      if (extensions !== null) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(extensions);
        } catch {
          return sendError(res, 400, 'BAD_REQUEST', 'the extensions parameter is not valid JSON');
        }
        const problem = persistedQueryProblem({ extensions: parsed });
        if (problem) return sendError(res, 400, problem[0], problem[1]);
      }
    }
    const query =
      req.method === 'POST' ? (body as { query?: unknown } | null)?.query : url.searchParams.get('query');
    const refused = options.precheck?.(query);
    if (refused) return sendError(res, 400, refused.code, refused.message);
    await withinBudget(res, async (signal) => {
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => createContext(store, headers.get('x-debug-stats') === '1', signal),
      });
      if (signal.aborted || res.headersSent) return;
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    });
  }

  /**
   * Runs `work` with a signal aborted after the request budget. When the budget
   * runs out first the client gets REQUEST_TIMEOUT at once; the repository
   * starts no further round trip for the request, and its late result is dropped.
   */
  async function withinBudget(res: ServerResponse, work: (signal: AbortSignal) => Promise<void>) {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort();
      if (!res.headersSent) {
        sendError(
          res,
          503,
          'REQUEST_TIMEOUT',
          `the request took longer than its ${options.requestBudgetMs} ms budget and was abandoned`,
        );
      }
    }, options.requestBudgetMs);
    try {
      await work(controller.signal);
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sets CORS headers for an allowed origin; false (and a 403 sent) for a preflight from any other. */
  function cors(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    if (!origin) return true;
    res.setHeader('vary', 'Origin');
    if (!options.corsOrigins.includes(origin)) {
      if (req.method !== 'OPTIONS') return true; // no CORS headers: the browser keeps the answer from the page
      sendError(res, 403, 'BAD_REQUEST', `origin ${origin} is not allowed (CORS_ORIGINS)`);
      return false;
    }
    res.setHeader('access-control-allow-origin', origin);
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET, HEAD, POST');
      res.setHeader('access-control-allow-headers', CORS_HEADERS);
      res.setHeader('access-control-max-age', '600');
    }
    return true;
  }
}

/**
 * The request target as a URL, undefined when the URL parser refuses it: Node's
 * HTTP parser accepts targets such as `//a:b/` or `http://a:b/` that it refuses.
 */
function parseTarget(target = '/'): URL | undefined {
  try {
    return new URL(target, 'http://localhost');
  } catch {
    return undefined;
  }
}

/** Routes of this file that only read: another method than GET or HEAD is a 405. */
const GET_ONLY = new Set(['/healthz', '/readyz', '/metrics']);

/** Probes and scrapes come every few seconds: their lines are debug, the rest info (errors: warn/error). */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

function logRequest(
  url: URL | undefined,
  method: string | undefined,
  res: ServerResponse,
  request: RequestInfo,
  ms: number,
): void {
  const path = url?.pathname ?? '(malformed)';
  const route = routeOf(path);
  // A response cut short (client gone) never set a final status of its own.
  const status = res.writableFinished ? res.statusCode : 499;
  recordRequest(route, request.operation, status, ms / 1000);
  const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : QUIET_ROUTES.has(route) ? 'debug' : 'info';
  request.log[level](
    {
      method,
      path,
      status,
      durationMs: Math.round(ms * 100) / 100,
      operation: request.operation,
      dbRoundTrips: request.dbRoundTrips,
      dbMs: Math.round(request.dbMs * 100) / 100,
      cacheHit: request.cacheHit,
    },
    'request',
  );
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

/** A GraphQL-shaped error response, for refusals made before Apollo sees the request. */
function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  countRefused(code);
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/** 413, then the connection is closed: the rest of the body is never read. */
function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('connection', 'close');
  res.on('finish', () => req.socket.destroy());
  sendError(res, 413, 'BAD_REQUEST', `request body over ${MAX_BODY_BYTES} bytes`);
}

/** `application/json; charset=utf-8` → `application/json`; null when absent. */
function mediaType(value: string | undefined): string | null {
  if (!value) return null;
  return value.split(';')[0]!.trim().toLowerCase();
}

function accepts(req: IncomingMessage, type: string): boolean {
  return (req.headers.accept ?? '').split(',').some((part) => mediaType(part) === type);
}

/**
 * Apollo reads `extensions.persistedQuery` without checking its shape; a
 * malformed one would surface as INTERNAL_SERVER_ERROR. [code, message] when
 * the extensions are not what automatic persisted queries expect.
 */
function persistedQueryProblem(body: unknown): [string, string] | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { extensions } = body as { extensions?: unknown };
  if (extensions === undefined || extensions === null) return null;
  if (typeof extensions !== 'object' || Array.isArray(extensions)) {
    return ['BAD_REQUEST', 'extensions must be an object'];
  }
  const pq = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (pq === undefined || pq === null) return null;
  if (typeof pq !== 'object' || Array.isArray(pq)) {
    return ['BAD_REQUEST', 'extensions.persistedQuery must be an object'];
  }
  const { version, sha256Hash } = pq as { version?: unknown; sha256Hash?: unknown };
  if (version !== 1) {
    return ['PERSISTED_QUERY_NOT_SUPPORTED', 'only version 1 of persisted queries is supported'];
  }
  if (typeof sha256Hash !== 'string' || !/^[0-9a-f]{64}$/.test(sha256Hash)) {
    return ['BAD_REQUEST', 'extensions.persistedQuery.sha256Hash must be 64 lowercase hex digits'];
  }
  return null;
}

const ABORTED = Symbol('aborted');

/**
 * The request body as text, or null once it passes the limit: reading stops
 * there (a declared Content-Length over the limit is refused without reading).
 * ABORTED when the client closed the connection or timed out mid-body.
 */
function readBody(req: IncomingMessage): Promise<string | null | typeof ABORTED> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.message === 'aborted' ? resolve(ABORTED) : reject(error),
    );
  });
}
