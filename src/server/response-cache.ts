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
 * - TTL_MS: no entry is served more than 5 s after it was computed, which
 *   bounds staleness after a load made by another process (a shared Neo4j).
 * - Only whole successful answers are kept (no errors); a request with
 *   `Cache-Control: no-cache` bypasses the cache. DataLoader caches stay per
 *   request: only finished JSON answers are shared.
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

  set(key: string, data: Record<string, unknown>): void {
    this.lru.set(key, data, { size: key.length + JSON.stringify(data).length });
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

/** The Apollo plugin that answers from, and fills, `cache`. */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, contextValue }) {
      // The version the request started under: an answer computed across a load is filed under the old one.
      const version = graphVersion(contextValue.repo.engine);
      const bypass = /no-cache|no-store/.test(request.http?.headers.get('cache-control') ?? '');
      let key: string | undefined;
      return {
        async responseForOperation({ operation, queryHash }) {
          // `operation` is typed as always there, but it is not when another plugin
          // (the query limits) has already refused the request or the name matched nothing.
          if (bypass || !operation || operation.operation !== 'query' || !request.query || !queryHash) {
            contextValue.cacheStatus = 'bypass';
            return null;
          }
          key = ResponseCache.key(version, queryHash, operation, request.variables);
          if (!key) {
            contextValue.cacheStatus = 'bypass';
            return null;
          }
          const data = cache.get(key);
          if (!data) {
            cache.misses++;
            recordCacheMiss();
            contextValue.cacheStatus = 'miss';
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
          if (!key || contextValue.cacheStatus !== 'miss' || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data && !errors?.length) cache.set(key, data as Record<string, unknown>);
        },
      };
    },
  };
}
