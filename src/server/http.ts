/**
 * The HTTP surface on Node's own server:
 *   POST/GET /graphql  the GraphQL API (graphql-route.ts, then Apollo Server)
 *   GET /healthz       the process is alive
 *   GET /readyz        200 only when the service is ready (see readiness.ts)
 *   GET /metrics       Prometheus metrics (src/ops/metrics.ts)
 * Further routes (explorer, exports) plug in through `extraRoutes`. HEAD is
 * answered wherever GET is.
 *
 * Every request gets an id (the client's `x-request-id` if safe, else a UUID),
 * echoed in the `x-request-id` response header, and one log line when it ends.
 * Slow clients are bounded here by Node's header and request timeouts, and
 * clients that stop taking their answer by the same request timeout
 * (response-over.ts); what /graphql checks of a request is in graphql-route.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Context } from '../graphql/context';
import type { Store } from '../store/open';
import { GraphChangedError } from '../store/version';
import { silentLogger, type Logger } from '../ops/log';
import { recordRequest, registry, routeOf } from '../ops/metrics';
import { newRequest, requestIdOf, type RequestInfo } from '../ops/request';
import { graphqlRoute, type GraphqlRouteOptions } from './graphql-route';
import type { Readiness } from './readiness';
import { sendError, sendJson } from './respond';
import { cutIfNotTaken, whenOver } from './response-over';

/** A route: true when it served the request. `request` is what the request's log line reports. */
export type Route = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  request: RequestInfo,
) => Promise<boolean> | boolean;

export interface HttpOptions extends GraphqlRouteOptions {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
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
  const graphql = graphqlRoute(apollo, store, options);
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
      whenOver(req, res, () => logRequest(url, method, res, request, performance.now() - started));
      handle(req, res, url, request)
        // A client that stops taking its answer for as long as it had to send its request is cut.
        .then(() => cutIfNotTaken(req, res, options.requestTimeoutMs))
        .catch((error: unknown) => {
          // A load completing while an export streams is the graph doing its job, not a fault:
          // the client is told by the cut and runs it again; no stack for an operator to chase.
          if (error instanceof GraphChangedError) request.log.warn({ reason: error.message }, 'response cut');
          else request.log.error({ err: error }, 'request failed');
          if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
          // Headers and part of the body are out (an export cut by a database failure): close the
          // connection after what was written, without the last chunk, so the client sees a broken
          // response rather than a complete one holding the first rows only.
          else res.socket?.end();
        });
    },
  );
  return server;

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL | undefined,
    request: RequestInfo,
  ): Promise<void> {
    if (!url) return sendError(res, 400, 'BAD_REQUEST', 'the request target is not a valid URL path');
    // Node already sends no body for HEAD (decided when the response was
    // created), so HEAD can take every GET route unchanged; a route that would
    // work to make the body asks servesHead.
    if (req.method === 'HEAD') {
      heads.add(req);
      req.method = 'GET';
    }
    if (url.pathname === '/graphql') return graphql(req, res, url, request);
    if (GET_ONLY.has(url.pathname) && req.method !== 'GET') {
      res.setHeader('allow', 'GET, HEAD');
      return sendJson(res, 405, { error: `${req.method} is not allowed on ${url.pathname}: use GET` });
    }
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') return ready(res);
    if (url.pathname === '/metrics') {
      res.writeHead(200, { 'content-type': registry.contentType });
      return void res.end(await registry.metrics());
    }
    for (const route of extraRoutes) if (await route(req, res, url, request)) return;
    sendJson(res, 404, { error: `no route for ${req.method} ${url.pathname}` });
  }

  async function ready(res: ServerResponse): Promise<void> {
    if (options.readiness) {
      const answer = await options.readiness.check();
      return sendJson(res, answer.status, answer.body);
    }
    try {
      await store.engine.ping();
      sendJson(res, 200, { status: 'ready', engine: store.engine.name });
    } catch {
      sendJson(res, 503, { status: 'unavailable', engine: store.engine.name });
    }
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
