/**
 * The response cache: answers to read queries, kept in an in-memory LRU
 * (lru-cache) for the read-mostly graph. A dashboard refreshing the same
 * queries is then answered without touching the database.
 *
 * - Key: a SHA-256 digest of the query text's hash, the operation name, the
 *   variables the operation declares (others cannot change the answer), and
 *   the graph version (store/version.ts) the request started under: a load
 *   completed in this process makes every older entry unreachable at once. A
 *   digest, because the key stays in memory as long as the answer: a 900 kB
 *   comment or unused variable in each request once grew the heap by that
 *   much per request, uncounted, until the process died.
 * - Size: MAX_BYTES counts each answer's JSON text and its key; an answer
 *   whose variables cannot be serialised (nested thousands deep) is not kept.
 * - TTL_MS: no entry is served more than 5 s after its reads began, which
 *   bounds staleness after a write the graph version does not see (see
 *   store/stamp-watch.ts for another process's loads); an answer begun
 *   earlier never replaces one begun later, so a slow request spanning such a
 *   write cannot stretch the bound.
 * - Only whole successful answers are kept (no errors). A request with
 *   `Cache-Control: no-cache` (or `Pragma: no-cache`) is answered from the
 *   database and its answer kept; one with `no-store` neither reads nor keeps.
 *   DataLoader caches stay per request: only finished JSON answers are shared.
 * - With `x-debug-stats: 1`, `extensions.stats.cache` says hit, miss or
 *   bypass, with the cache's running hit and miss totals.
 * - Answers are kept as the JSON text Apollo would send, and a plain POST
 *   repeating a request Apollo has already answered is served that text by
 *   `hitBeforeApollo`, before Apollo's pipeline, the cost estimate and a
 *   serialisation of the answer run again (together 1.5–2× a hello-world
 *   request's CPU in a profile of the dashboard mix). It finds the key Apollo's
 *   path would compute: the operation's name and declared variables are
 *   remembered per query text once Apollo has resolved them. Skipping the
 *   checks is sound because the same text, operation and declared variables
 *   under the same graph version passed them when the answer was kept.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Context } from '../graphql/context';
import { graphVersion, STALE_MS } from '../store/version';
import { recordCacheHit, recordCacheMiss } from '../ops/metrics';

export const TTL_MS = STALE_MS;
const MAX_BYTES = 64 * 1024 * 1024;
/**
 * The remembered shapes' budget, counted as their names' characters: a name
 * may be as long as a body allows (a 900 kB variable name is still one token),
 * so a count alone would not bound their memory.
 */
const MAX_SHAPE_BYTES = 8 * 1024 * 1024;

/** What a key needs of an operation, remembered per query text and requested operation name. */
interface OperationShape {
  /** The operation's own name (null when anonymous), as Apollo's path keys it. */
  name: string | null;
  /** The variables the operation declares, the only ones keyed. */
  declared: readonly string[];
}

/**
 * Apollo's body for an answer without errors (`{"data":…,"extensions":…}` and a
 * newline: extensions are written last) without its `extensions`; undefined when
 * the text does not end with exactly those, so nothing else is ever cut.
 */
export function withoutExtensions(
  text: string,
  extensions: Record<string, unknown> | undefined,
): string | undefined {
  if (extensions === undefined) return text;
  const tail = `,"extensions":${JSON.stringify(extensions)}}\n`;
  return text.endsWith(tail) ? `${text.slice(0, -tail.length)}}\n` : undefined;
}

export class ResponseCache {
  private readonly lru = new LRUCache<string, string>({ maxSize: MAX_BYTES, ttl: TTL_MS });
  /** Query texts (by digest) Apollo has resolved, with what their keys need. */
  private readonly shapes = new LRUCache<string, OperationShape>({
    maxSize: MAX_SHAPE_BYTES,
    sizeCalculation: (shape, key) =>
      key.length + (shape.name?.length ?? 0) + shape.declared.reduce((n, name) => n + name.length + 8, 8),
  });
  hits = 0;
  misses = 0;

  /** The kept answer's data: a fresh object, as the kept one is its text. */
  get(key: string): Record<string, unknown> | undefined {
    const text = this.lru.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as { data: Record<string, unknown> }).data;
  }

  /** The kept answer's body, as Apollo would send it. */
  text(key: string): string | undefined {
    return this.lru.get(key);
  }

  /**
   * Keeps an answer's body as Apollo wrote it (`{"data":…}` and a newline) for
   * `ttl` ms (what is left of TTL_MS since its reads began), unless a
   * later-begun answer is kept.
   */
  setText(key: string, text: string, ttl = TTL_MS): void {
    if (ttl <= 0 || this.lru.getRemainingTTL(key) > ttl) return;
    this.lru.set(key, text, { size: key.length + text.length, ttl });
  }

  /** Remembers, and returns, what the key of `operation` (requested as `operationName` in the text hashed `queryHash`) needs. */
  remember(
    queryHash: string,
    operationName: string | undefined,
    operation: OperationDefinitionNode,
  ): OperationShape {
    const key = shapeKey(queryHash, operationName);
    let shape = this.shapes.get(key);
    if (!shape) {
      shape = {
        name: operation.name?.value ?? null,
        declared: (operation.variableDefinitions ?? []).map((d) => d.variable.name.value),
      };
      this.shapes.set(key, shape);
    }
    return shape;
  }

  /**
   * The kept body for a request and the name of its operation, found without
   * parsing the request's text; undefined unless Apollo has resolved the same
   * text and operation name before, and kept an answer under this key.
   */
  textFor(
    version: number,
    query: string,
    operationName: string | undefined,
    variables: Record<string, unknown> | undefined,
  ): { text: string; operation: string | null } | undefined {
    const queryHash = createHash('sha256').update(query).digest('hex');
    const shape = this.shapes.get(shapeKey(queryHash, operationName));
    const key = shape && ResponseCache.key(version, queryHash, shape.name, shape.declared, variables);
    const text = key === undefined ? undefined : this.lru.get(key);
    return text === undefined ? undefined : { text, operation: shape!.name };
  }

  /**
   * The key of an operation's answer, or undefined when its variables cannot
   * be serialised. An omitted variable and a null one differ (a default
   * applies to the first only), so only the variables present are keyed.
   */
  static key(
    version: number,
    queryHash: string,
    operationName: string | null,
    declared: readonly string[],
    variables: Record<string, unknown> | undefined,
  ): string | undefined {
    const present = declared
      .filter((name) => variables !== undefined && Object.hasOwn(variables, name))
      .map((name) => [name, variables![name]]);
    let text: string;
    try {
      text = JSON.stringify([version, queryHash, operationName, present]);
    } catch {
      return undefined; // nested past the stack: such a request is answered, not kept
    }
    return createHash('sha256').update(text).digest('base64');
  }
}

/**
 * Where an operation's shape is remembered: by the text and the operation name as
 * requested. An empty name is a name (Apollo finds no operation by it: a 400), not
 * the absent one, which takes the document's only operation.
 */
function shapeKey(queryHash: string, operationName: string | undefined): string {
  return `${queryHash}\n${JSON.stringify(operationName ?? null)}`;
}

/**
 * What the request's own cache directives ask (RFC 9111 §5.2.1, names matched
 * whatever their case; `Pragma: no-cache` counts only without `Cache-Control`):
 * `no-store`, neither read nor keep; `no-cache`, a fresh answer, which is then
 * kept; undefined, the cache as usual.
 */
function refreshAsked(headers: HeaderMap | undefined): 'no-store' | 'no-cache' | undefined {
  const cacheControl = headers?.get('cache-control');
  const directives = (cacheControl ?? headers?.get('pragma') ?? '')
    .split(',')
    .map((d) => d.trim().split('=')[0]!.toLowerCase());
  if (cacheControl !== undefined && directives.includes('no-store')) return 'no-store';
  return directives.includes('no-cache') ? 'no-cache' : undefined;
}

/** The Apollo plugin that answers from, and fills, `cache`. */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, contextValue }) {
      const refresh = refreshAsked(request.http?.headers);
      let key: string | undefined;
      let startedAt = 0;
      return {
        async responseForOperation({ operation, queryHash }) {
          // `operation` is typed as always there, but it is not when another plugin
          // (the query limits) has already refused the request or the name matched nothing.
          if (
            refresh === 'no-store' ||
            !operation ||
            operation.operation !== 'query' ||
            !request.query ||
            !queryHash
          ) {
            contextValue.cacheStatus = 'bypass';
            return null;
          }
          // The version as execution begins (every read of the answer follows it): an answer
          // computed across a load is filed under the old one, and a load completed during the
          // checks before this point (the cost estimate may wait for list sizes) is not looked
          // up under the version before it.
          const version = graphVersion(contextValue.repo.engine);
          startedAt = Date.now();
          const shape = cache.remember(queryHash, request.operationName, operation);
          key = ResponseCache.key(version, queryHash, shape.name, shape.declared, request.variables);
          if (!key) {
            contextValue.cacheStatus = 'bypass';
            return null;
          }
          // no-cache: not answered from the cache, but its fresh answer replaces the kept one,
          // so the client's next ordinary request cannot get an older answer than this.
          const data = refresh === 'no-cache' ? undefined : cache.get(key);
          if (!data) {
            if (refresh === 'no-cache') {
              contextValue.cacheStatus = 'bypass';
            } else {
              cache.misses++;
              recordCacheMiss();
              contextValue.cacheStatus = 'miss';
            }
            return null;
          }
          cache.hits++;
          recordCacheHit(contextValue.request); // its log line and recap_cache_hits_total
          contextValue.cacheStatus = 'hit';
          return {
            http: { status: 200, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data } },
          };
        },
        async willSendResponse({ response }: GraphQLRequestContextWillSendResponse<Context>) {
          if (!key || contextValue.cacheStatus === 'hit' || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!data || errors?.length) return;
          // TTL_MS from when its reads began, not from now: a slow answer is not kept stale longer.
          const ttl = () => TTL_MS - (Date.now() - startedAt);
          const kept = key;
          const result = response.body.singleResult;
          // Apollo serialises the answer next, and graphql-route.ts hands that text over: the one
          // to keep. A debug answer's text ends with its stats, cut off here rather than the
          // answer serialised a second time (the bench asks every request with stats).
          contextValue.answerText.keep = (text) => {
            const plain = withoutExtensions(text, result.extensions);
            if (plain !== undefined) cache.setText(kept, plain, ttl());
          };
        },
      };
    },
  };
}

/** The `accept` values Apollo answers with `application/json; charset=utf-8`, which a hit before Apollo sends. */
const PLAIN_ACCEPT = new Set([undefined, '', '*/*', 'application/json']);

/**
 * A POST's answer from the cache before Apollo sees it, or undefined to go
 * through Apollo (which may still answer from the cache). Only plain requests
 * are answered here: no `x-debug-stats` (its stats are Apollo plugins' work),
 * no cache directive, an `accept` Apollo answers with JSON, and a body of a
 * string query, an optional string operation name and an optional variables
 * object, without extensions (persisted queries are Apollo's); other fields
 * are ignored, as Apollo ignores them.
 * The version is read now: the answer is sent without waiting for anything.
 */
export function hitBeforeApollo(
  cache: ResponseCache,
  version: number,
  headers: HeaderMap,
  body: unknown,
): { text: string; operation: string | null } | undefined {
  if (
    headers.get('x-debug-stats') === '1' ||
    refreshAsked(headers) !== undefined ||
    !PLAIN_ACCEPT.has(headers.get('accept')?.trim().toLowerCase())
  )
    return undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || (extensions !== undefined && extensions !== null)) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
    return undefined;
  if (
    variables !== undefined &&
    variables !== null &&
    (typeof variables !== 'object' || Array.isArray(variables))
  )
    return undefined;
  const found = cache.textFor(
    version,
    query,
    operationName ?? undefined,
    (variables ?? undefined) as Record<string, unknown> | undefined,
  );
  if (!found) return undefined;
  cache.hits++;
  return found;
}
