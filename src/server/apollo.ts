/**
 * The Apollo Server instance: schema, error masking, and the plugin that
 * reports a request's own database cost in `extensions.stats` when asked.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { loadTypeDefs, resolvers } from '../graphql/schema';
import { currentRequest } from '../ops/request';

const statsPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (!contextValue.debugStats || response.body.kind !== 'single') return;
        const { dbRoundTrips, dbMs } = contextValue.repo.stats;
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          stats: { dbRoundTrips, dbMs: Math.round(dbMs * 100) / 100 },
        };
      },
    };
  },
};

/** Names the request's operation for its log line and metrics labels. */
const operationNamePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName }) {
        const request = currentRequest();
        if (request) request.operation = operationName ?? 'anonymous';
      },
      async willSendResponse({ request: { operationName } }) {
        // Requests refused before an operation was resolved: the name the client sent, if any.
        const request = currentRequest();
        if (request && request.operation === undefined && operationName) request.operation = operationName;
      },
    };
  },
};

export function createApollo(): ApolloServer<Context> {
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
    plugins: [statsPlugin, operationNamePlugin],
  });
}
