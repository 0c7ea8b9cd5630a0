/**
 * POST/GET /graphql: the checks Node and Apollo leave to us, then Apollo.
 *
 * In order: CORS from an allow-list, the methods GraphQL over HTTP takes, a
 * browser sent to the explorer, a body read up to MAX_BODY_BYTES and parsed
 * only when it is `application/json`, malformed persisted-query extensions
 * refused (Apollo would answer them with INTERNAL_SERVER_ERROR), a repeated
 * plain query answered from the response cache, the query's structure checked
 * before Apollo parses and validates it (graphql/limits.ts), and the whole
 * execution held to a time budget.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { createContext, type Context } from '../graphql/context';
import type { LimitError } from '../errors';
import type { Store } from '../store/open';
import { graphVersion } from '../store/version';
import type { RequestBudget } from '../store/budget';
import { recordCacheHit } from '../ops/metrics';
import type { RequestInfo } from '../ops/request';
import { sendError } from './respond';
import { hitBeforeApollo, type ResponseCache } from './response-cache';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Headers a browser may send cross-origin: those CSRF prevention and debug stats read. */
const CORS_HEADERS = 'content-type, apollo-require-preflight, x-apollo-operation-name, x-debug-stats';

export interface GraphqlRouteOptions {
  /** Wall-clock budget of one GraphQL request, in ms. */
  requestBudgetMs: number;
  /** Browser origins allowed to call /graphql (exact match). */
  corsOrigins: readonly string[];
  /** Structural query limits checked before Apollo parses and validates (graphql/limits.ts). */
  precheck?: (query: unknown) => LimitError | null;
  /** The response cache Apollo's plugin fills, for hits answered before Apollo (response-cache.ts). */
  cache?: ResponseCache | null;
}

/** Answers /graphql; every other path is http.ts's. */
export function graphqlRoute(
  apollo: ApolloServer<Context>,
  store: Store,
  options: GraphqlRouteOptions,
): (req: IncomingMessage, res: ServerResponse, url: URL, request: RequestInfo) => Promise<void> {
  return async (req, res, url, request) => {
    if (!cors(req, res, options.corsOrigins)) return;
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
    const read = req.method === 'POST' ? await postBody(req, res, headers) : getExtensionsChecked(res, url);
    if (!read) return; // refused, or the client went away
    const { body } = read;
    const hit =
      options.cache && req.method === 'POST'
        ? hitBeforeApollo(options.cache, graphVersion(store.engine), headers, body)
        : undefined;
    if (hit) return sendHit(res, hit, request);
    const query =
      req.method === 'POST' ? (body as { query?: unknown } | null)?.query : url.searchParams.get('query');
    const refused = options.precheck?.(query);
    if (refused) return sendError(res, 400, refused.code, refused.message);
    await withinBudget(res, options.requestBudgetMs, request, async (budget) => {
      let context: Context | undefined;
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () =>
          (context = createContext(store, {
            debugStats: headers.get('x-debug-stats') === '1',
            budget,
            request,
          })),
      });
      if (response.body.kind === 'complete' && (response.status ?? 200) === 200) {
        context?.answerText.keep?.(response.body.string);
      }
      if (budget.signal.aborted || res.headersSent) return;
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    });
  };
}

/** A kept answer, with the headers Apollo's path gives it (apollo.ts sets `cache-control: no-store`). */
function sendHit(
  res: ServerResponse,
  hit: { text: string; operation: string | null },
  request: RequestInfo,
): void {
  request.operation = hit.operation ?? 'anonymous';
  recordCacheHit(request);
  // Set, not written ahead: `end` then sends a Content-Length, as it does for Apollo's answers.
  res.statusCode = 200;
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(hit.text);
}

/** A POST's JSON body, or null once it has been refused (or the client has gone). */
async function postBody(
  req: IncomingMessage,
  res: ServerResponse,
  headers: HeaderMap,
): Promise<{ body: unknown } | null> {
  // `text/plain; application/json` and the like are not JSON: refuse before reading.
  if (mediaType(headers.get('content-type')) !== 'application/json') {
    sendError(res, 415, 'BAD_REQUEST', 'POST bodies must be sent as content-type: application/json');
    return null;
  }
  // The body is read as UTF-8, as JSON is (RFC 8259): another charset would be mis-read without
  // a word (a Latin-1 name matched nothing), and a compressed body is not decoded here.
  const charset = charsetOf(headers.get('content-type'));
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
    sendError(res, 415, 'BAD_REQUEST', `POST bodies must be UTF-8 (got charset=${charset.slice(0, 40)})`);
    return null;
  }
  const encoding = (headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    sendError(res, 415, 'BAD_REQUEST', 'POST bodies must not be compressed (content-encoding: identity)');
    return null;
  }
  const text = await readBody(req);
  if (text === ABORTED) return null; // the client went away (or Node answered 408): nobody to answer
  if (text === null) {
    tooLarge(req, res);
    return null;
  }
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    sendError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON');
    return null;
  }
  const problem = persistedQueryProblem(body);
  if (problem) {
    sendError(res, 400, problem[0], problem[1]);
    return null;
  }
  return { body };
}

/** A GET has no body; its `extensions` parameter is checked as a POST's would be. Null once refused. */
function getExtensionsChecked(res: ServerResponse, url: URL): { body: undefined } | null {
  const extensions = url.searchParams.get('extensions');
  if (extensions === null) return { body: undefined };
  let parsed: unknown;
  try {
    parsed = JSON.parse(extensions);
  } catch {
    sendError(res, 400, 'BAD_REQUEST', 'the extensions parameter is not valid JSON');
    return null;
  }
  const problem = persistedQueryProblem({ extensions: parsed });
  if (problem) {
    sendError(res, 400, problem[0], problem[1]);
    return null;
  }
  return { body: undefined };
}

/**
 * Runs `work` with a signal aborted after the request budget. When the budget
 * runs out first the client gets REQUEST_TIMEOUT at once; the repository
 * starts no further round trip for the request, the engine stops the statement
 * running then (src/store/budget.ts), and its late result is dropped.
 */
async function withinBudget(
  res: ServerResponse,
  budgetMs: number,
  request: RequestInfo,
  work: (budget: RequestBudget) => Promise<void>,
): Promise<void> {
  const controller = new AbortController();
  const deadline = performance.now() + budgetMs;
  const timer = setTimeout(() => {
    controller.abort();
    if (!res.headersSent) {
      sendError(
        res,
        503,
        'REQUEST_TIMEOUT',
        `the request took longer than its ${budgetMs} ms budget and was abandoned`,
        request,
      );
    }
  }, budgetMs);
  try {
    await work({ signal: controller.signal, deadline });
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Sets CORS headers for an allowed origin; false (and a 403 sent) for a preflight from any other. */
function cors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  res.setHeader('vary', 'Origin');
  if (!allowed.includes(origin)) {
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

/** The `charset` parameter of a content-type, lower-cased and unquoted; null when absent. */
function charsetOf(value: string | undefined): string | null {
  for (const parameter of (value ?? '').split(';').slice(1)) {
    const [name, ...rest] = parameter.split('=');
    if (name!.trim().toLowerCase() === 'charset')
      return rest.join('=').trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return null;
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
 * ABORTED when the client closed the connection or timed out mid-body (Node
 * destroys the request with an ECONNRESET error either way).
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
      error.code === 'ECONNRESET' ? resolve(ABORTED) : reject(error),
    );
  });
}
