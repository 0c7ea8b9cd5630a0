/**
 * The Apollo Server instance: schema, error masking, the response cache, and
 * the plugin that reports a request's own database cost in `extensions.stats` when asked.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { loadTypeDefs, resolvers } from '../graphql/schema';
import { ResponseCache, responseCachePlugin } from './response-cache';

const statsPlugin = (cache: ResponseCache | null): ApolloServerPlugin<Context> => ({
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.debugStats || response.body.kind !== 'single') return;
        const { dbRoundTrips, dbMs } = contextValue.repo.stats;
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          stats: {
            dbRoundTrips,
            dbMs: Math.round(dbMs * 100) / 100,
            cache: cache
              ? { status: contextValue.cacheStatus ?? 'bypass', hits: cache.hits, misses: cache.misses }
              : { status: 'off' },
          },
        };
      },
    };
  },
});

/** The Apollo server, with its response cache (one per service: see response-cache.ts); null for none. */
export function createApollo(cache: ResponseCache | null = new ResponseCache()): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: false,
    // The API is read-only (no mutations), so cross-site request forgery has
    // nothing to forge; turning the check off lets notebooks and curl use
    // plain GET requests without an extra header.
    csrfPrevention: false,
    introspection: true,
    // main.ts owns SIGTERM/SIGINT: it closes HTTP, Apollo and the database in that
    // order and exits 0; Apollo's own handler would re-raise the signal instead.
    stopOnTerminationSignals: false,
    // The stats plugin runs its willSendResponse last, so it sees the cache's verdict.
    plugins: [...(cache ? [responseCachePlugin(cache)] : []), statsPlugin(cache)],
  });
}
