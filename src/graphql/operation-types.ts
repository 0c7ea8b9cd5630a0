/**
 * A validation rule graphql-js 16 lacks (17 has it as KnownOperationTypesRule):
 * an operation whose type the schema does not define. The schema is read-only,
 * so a `mutation` or `subscription` passed validation and failed in execution
 * ("Schema is not configured to execute mutation operation"), which clients
 * saw as INTERNAL_SERVER_ERROR and the log as an error with a stack trace.
 * Reported here, it is a GRAPHQL_VALIDATION_FAILED 400 like any invalid document.
 */
import { GraphQLError, type ValidationRule } from 'graphql';

export const KnownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(
      new GraphQLError(`The schema has no ${node.operation} type: this API only answers queries.`, {
        nodes: node,
      }),
    );
  },
});
