/**
 * The HTTP surface on Node's own server:
 *   POST/GET /graphql  the GraphQL API (Apollo Server)
 *   GET /healthz       the process is alive
 *   GET /readyz        200 only when the service is ready (see readiness.ts)
 * Further routes (explorer, exports) plug in through `extraRoutes`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Context } from '../graphql/context';
import { createContext } from '../graphql/context';
import type { Store } from '../store/open';
import type { Readiness } from './readiness';

const MAX_BODY_BYTES = 1024 * 1024;

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> | boolean;

export function createHttpServer(
  apollo: ApolloServer<Context>,
  store: Store,
  extraRoutes: Route[] = [],
  readiness?: Pick<Readiness, 'check'>,
): Server {
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[recap-graph] request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql') return graphql(req, res, url);
    if (url.pathname === '/healthz' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz' && req.method === 'GET') {
      if (readiness) {
        const answer = await readiness.check();
        return sendJson(res, answer.status, answer.body);
      }
      try {
        await store.engine.ping();
        return sendJson(res, 200, { status: 'ready', engine: store.engine.name });
      } catch {
        return sendJson(res, 503, { status: 'unavailable', engine: store.engine.name });
      }
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
