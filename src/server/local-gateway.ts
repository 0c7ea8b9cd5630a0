/**
 * Apollo runs operations through a gateway's executor when it has one: that is
 * its one documented way to execute with anything but graphql-js, used here
 * for graphql/executor.ts on the one local schema, never to federate. Apollo's
 * pipeline (parsing, validation, plugins, error formatting) is unchanged.
 */
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../graphql/context';
import type { Executor } from '../graphql/executor';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];

/** A gateway serving `schema` (whose SDL is `typeDefs`) and running each operation on `executor`. */
export function localGateway(schema: GraphQLSchema, typeDefs: string, executor: Executor): Gateway {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: typeDefs });
      return () => undefined;
    },
    async load() {
      return {
        executor: (request) =>
          executor.run({
            document: request.document,
            operation: request.operation,
            // The name the client asked for, as Apollo hands graphql-js (its resolved one is null when
            // the document holds no such operation, and graphql-js must then say so).
            operationName: request.request.operationName ?? null,
            queryHash: request.queryHash,
            variables: request.request.variables,
            context: request.context,
          }),
      };
    },
    async stop() {},
  };
}
