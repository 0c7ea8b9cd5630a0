/**
 * The Apollo Server instance: schema, execution (graphql-js, or graphql-jit
 * for a document that comes back: graphql/executor.ts), error masking, query
 * limits, the response cache, and the plugin that reports a request's own
 * database cost in `extensions.stats` when asked.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { DEFAULT_LIMITS, type QueryLimits } from '../config';
import type { Context } from '../graphql/context';
import { errorReportPlugin, formatError } from '../graphql/errors';
import { limitsPlugin } from '../graphql/limits';
import { rootListSizes } from '../graphql/list-sizes';
import { loadTypeDefs, resolvers } from '../graphql/schema';
import { ResponseCache, responseCachePlugin } from './response-cache';
import { KnownOperationTypesRule } from '../graphql/operation-types';
import { Executor } from '../graphql/executor';
import { localGateway } from './local-gateway';

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

/**
 * `cache-control: no-store` on every GraphQL response, as Apollo's cache-control
 * plugin would set it for a schema with no cache hints. That plugin is off: it
 * wraps every field's resolver to collect hints we never give, 6-7 % of the
 * CPU of an uncached talks page. Answers are cached here, by graph version
 * (response-cache.ts), never by HTTP caches that cannot know the version.
 */
const noStorePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (!response.http.headers.has('cache-control'))
          response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/** Names the request's operation for its log line and metrics labels. */
const operationNamePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName, contextValue: { request } }) {
        request.operation = operationName ?? 'anonymous';
      },
      async willSendResponse({ request: { operationName }, contextValue: { request } }) {
        // Requests refused before an operation was resolved: the name the client sent, if any.
        if (request.operation === undefined && operationName) request.operation = operationName;
      },
    };
  },
};

export interface ApolloOptions {
  limits: QueryLimits;
  introspection: boolean;
  /** "Did you mean …" hints in validation errors. */
  suggestions: boolean;
  /** The response cache (one per service: see response-cache.ts); null for none. */
  cache: ResponseCache | null;
  /** Runs of a document on graphql-js before it is compiled (graphql/executor.ts); Infinity: never, Apollo executes. */
  compileAfter: number;
}

export function createApollo(options: Partial<ApolloOptions> = {}): ApolloServer<Context> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const cache = options.cache === undefined ? new ResponseCache() : options.cache;
  const typeDefs = loadTypeDefs();
  const schema = makeExecutableSchema({ typeDefs, resolvers });
  const compileAfter = options.compileAfter ?? 1;
  // Never compiling is Apollo's own execution, gateway and all left out.
  const execution =
    compileAfter === Infinity
      ? { schema }
      : { gateway: localGateway(schema, typeDefs, new Executor(schema, { compileAfter })) };
  return new ApolloServer<Context>({
    ...execution,
    formatError,
    includeStacktraceInErrorResponses: false,
    // Even a read-only API spends CPU on whatever a page on another site makes
    // a browser send: GET needs a `content-type: application/json` or an
    // `apollo-require-preflight` header (README "Notebooks"), POST a JSON body.
    csrfPrevention: true,
    introspection: options.introspection ?? true,
    hideSchemaDetailsFromClientErrors: !(options.suggestions ?? true),
    // Parsing stops at this many tokens, before the document is even built.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [KnownOperationTypesRule],
    // main.ts owns SIGTERM/SIGINT: it closes HTTP, Apollo and the database in that
    // order and exits 0; Apollo's own handler would re-raise the signal instead.
    stopOnTerminationSignals: false,
    // The landing page would load scripts and fonts from other hosts; the
    // explorer at / is served by this service (graphql-route.ts sends browsers there).
    // The stats plugin runs its willSendResponse after the cache's, so it sees its verdict.
    plugins: [
      ...(cache ? [responseCachePlugin(cache)] : []),
      statsPlugin(cache),
      limitsPlugin<Context>(limits, (ctx) =>
        rootListSizes(ctx.repo).catch((err: unknown) => {
          ctx.request.log.warn({ err }, 'no list sizes for the cost estimate: assuming 10 rows');
          throw err;
        }),
      ),
      errorReportPlugin,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin,
      operationNamePlugin,
    ],
  });
}
