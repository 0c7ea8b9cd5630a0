/**
 * The Apollo Server instance: schema, error masking, and the plugin that
 * reports a request's own database cost in `extensions.stats` when asked.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { loadTypeDefs, resolvers } from '../graphql/schema';

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
    plugins: [statsPlugin],
  });
}
