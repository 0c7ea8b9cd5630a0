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

export class ResponseCache {
  private readonly lru = new LRUCache<string, Record<string, unknown>>({ maxSize: MAX_BYTES, ttl: TTL_MS });
  hits = 0;
  misses = 0;

  /** A cached answer is shared by every later request: it must never be mutated. */
  get(key: string): Record<string, unknown> | undefined {
    return this.lru.get(key);
  }

  /** Keeps `data` for `ttl` ms (what is left of TTL_MS since its reads began), unless a later-begun answer is kept. */
  set(key: string, data: Record<string, unknown>, ttl = TTL_MS): void {
    if (ttl <= 0 || this.lru.getRemainingTTL(key) > ttl) return;
    this.lru.set(key, data, { size: key.length + JSON.stringify(data).length, ttl });
  }

  /**
   * The key of an operation's answer, or undefined when its variables cannot
   * be serialised. An omitted variable and a null one differ (a default
   * applies to the first only), so only the variables present are keyed.
   */
  static key(
    version: number,
    queryHash: string,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
  ): string | undefined {
    const declared = (operation.variableDefinitions ?? [])
      .map((d) => d.variable.name.value)
      .filter((name) => variables !== undefined && Object.hasOwn(variables, name))
      .map((name) => [name, variables![name]]);
    let text: string;
    try {
      text = JSON.stringify([version, queryHash, operation.name?.value ?? null, declared]);
    } catch {
      return undefined; // nested past the stack: such a request is answered, not kept
    }
    return createHash('sha256').update(text).digest('base64');
  }
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
          key = ResponseCache.key(version, queryHash, operation, request.variables);
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
          recordCacheHit(); // the request's log line and recap_cache_hits_total
          contextValue.cacheStatus = 'hit';
          return {
            http: { status: 200, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data } },
          };
        },
        async willSendResponse({ response }: GraphQLRequestContextWillSendResponse<Context>) {
          if (!key || contextValue.cacheStatus === 'hit' || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          // TTL_MS from when its reads began, not from now: a slow answer is not kept stale longer.
          const ttl = TTL_MS - (Date.now() - startedAt);
          if (data && !errors?.length) cache.set(key, data as Record<string, unknown>, ttl);
        },
      };
    },
  };
}
