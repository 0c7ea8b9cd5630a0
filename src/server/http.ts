/**
 * The HTTP surface on Node's own server:
 *   POST/GET /graphql  the GraphQL API (Apollo Server)
 *   GET /healthz       the process is alive
 *   GET /readyz        200 only when the database answers
 *   GET /metrics       Prometheus metrics (src/ops/metrics.ts)
 * Further routes (explorer, exports) plug in through `extraRoutes`.
 * Every request gets an id (the client's `x-request-id` if safe, else a UUID),
 * echoed in the `x-request-id` response header, and one log line when it ends.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Context } from '../graphql/context';
import { createContext } from '../graphql/context';
import type { Store } from '../store/open';
import { silentLogger, type Logger } from '../ops/log';
import { countRefused, recordRequest, registry, routeOf } from '../ops/metrics';
import { newRequest, requestIdOf, runInRequest, type RequestInfo } from '../ops/request';

const MAX_BODY_BYTES = 1024 * 1024;

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;

export function createHttpServer(
  apollo: ApolloServer<Context>,
  store: Store,
  extraRoutes: Route[] = [],
  logger: Logger = silentLogger,
): Server {
  return createServer((req, res) => {
    const request = newRequest(requestIdOf(req.headers['x-request-id']), logger);
    res.setHeader('x-request-id', request.id);
    const started = performance.now();
    res.once('close', () => logRequest(req, res, request, performance.now() - started));
    runInRequest(request, () =>
      handle(req, res).catch((error: unknown) => {
        request.log.error({ err: error }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
        else res.end();
      }),
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql') return graphql(req, res, url);
    if (url.pathname === '/healthz' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz' && req.method === 'GET') {
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
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req);
      if (text === null) return sendJson(res, 413, { error: `request body over ${MAX_BODY_BYTES} bytes` });
      const type = headers.get('content-type') ?? '';
      if (type.includes('application/json')) {
        try {
          body = text === '' ? {} : JSON.parse(text);
        } catch {
          countRefused('BAD_REQUEST');
          return sendJson(res, 400, {
            errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
          });
        }
      } else body = text;
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => createContext(store, headers.get('x-debug-stats') === '1'),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** Probes and scrapes come every few seconds: their lines are debug, the rest info (errors: warn/error). */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

function logRequest(req: IncomingMessage, res: ServerResponse, request: RequestInfo, ms: number): void {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const route = routeOf(path);
  // A response cut short (client gone) never set a final status of its own.
  const status = res.writableFinished ? res.statusCode : 499;
  recordRequest(route, request.operation, status, ms / 1000);
  const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : QUIET_ROUTES.has(route) ? 'debug' : 'info';
  request.log[level](
    {
      method: req.method,
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

/** The request body as text, or null when it is larger than the limit. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
