/**
 * What clients see of errors. `extensions.code` is the public contract:
 * BAD_USER_INPUT, NOT_FOUND, SERVICE_UNAVAILABLE, INTERNAL_SERVER_ERROR, the
 * limit codes and REQUEST_TIMEOUT (src/errors.ts), plus the GraphQL-level codes
 * Apollo assigns to unparsable or invalid requests.
 * Anything unexpected reaches the client as a generic INTERNAL_SERVER_ERROR:
 * no message text from a driver, no stack trace. The stack stays in the
 * server's log, on the request's own logger: Apollo calls formatError without
 * the request, so errorReportPlugin logs and counts with the same verdicts.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { RecapError } from '../errors';
import { countRefused } from '../ops/metrics';
import type { Context } from './context';

/** Codes Apollo itself assigns to requests it refused before any resolver ran; their messages are safe. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Apollo's own persisted-query refusals carry no code; they are the client's mistake. */
const APQ_MESSAGES = new Set(['Unsupported persisted query version', 'provided sha does not match query']);
/** graphql-js's message (sic) when a document is over the `maxTokens` parse option. */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more that (\d+) tokens/;

/** What the client is sent of an error, and what the server logs of it (nothing for the client's own). */
interface Verdict {
  formatted: GraphQLFormattedError;
  logged?: { message: 'internal error' | 'store unavailable'; err: unknown };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return verdict(formatted, error).formatted;
}

/**
 * Logs, on the request's logger, each error formatError masks, and counts each
 * refusal code of a response once (recap_requests_refused_total).
 */
export const errorReportPlugin: ApolloServerPlugin<Context> = {
  // A failure outside the pipeline's own catches (a plugin's willSendResponse): Apollo answers
  // "Internal server error" through formatError, which cannot say which request it was.
  async unexpectedErrorProcessingRequest({ requestContext, error }) {
    (requestContext.contextValue as Context | undefined)?.request.log.error({ err: error }, 'internal error');
  },
  async requestDidStart({ contextValue }) {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          // As Apollo hands it to formatError: a code, INTERNAL_SERVER_ERROR when it has none.
          const asFormatted = {
            ...error.toJSON(),
            extensions: { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' },
          };
          const { logged } = verdict(asFormatted, error);
          if (logged) contextValue.request.log.error({ err: logged.err }, logged.message);
        }
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        for (const { extensions } of response.body.singleResult.errors ?? []) {
          if (typeof extensions?.code === 'string') countRefused(extensions.code, contextValue.request);
        }
      },
    };
  },
};

function verdict(formatted: GraphQLFormattedError, error: unknown): Verdict {
  let original = unwrapResolverError(error);
  // Refusals raised by plugins before execution (limits.ts) wrap a RecapError.
  if (original instanceof GraphQLError && original.originalError instanceof RecapError) {
    original = original.originalError;
  }
  if (original instanceof RecapError) {
    if (original.code === 'INTERNAL_SERVER_ERROR') return masked(formatted, original);
    const unavailable = original.code === 'SERVICE_UNAVAILABLE';
    return {
      formatted: {
        message: unavailable ? 'the graph database is unavailable' : original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code },
      },
      logged: unavailable ? { message: 'store unavailable', err: original } : undefined,
    };
  }
  const code = formatted.extensions?.code;
  const fromResolver = original !== error;
  if (!fromResolver && code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(formatted.message)) {
    const limit = TOO_MANY_TOKENS.exec(formatted.message)![1];
    return {
      formatted: { message: `query has more than ${limit} tokens`, extensions: { code: 'TOO_MANY_TOKENS' } },
    };
  }
  // Apollo labels these INTERNAL_SERVER_ERROR for want of a code of their own.
  if (
    !fromResolver &&
    (code === undefined || code === 'INTERNAL_SERVER_ERROR') &&
    APQ_MESSAGES.has(formatted.message)
  ) {
    return { formatted: { message: formatted.message, extensions: { code: 'BAD_REQUEST' } } };
  }
  if (!fromResolver && typeof code === 'string' && REQUEST_CODES.has(code)) {
    return {
      formatted: {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      },
    };
  }
  return masked(formatted, original);
}

function masked(formatted: GraphQLFormattedError, original: unknown): Verdict {
  return {
    formatted: {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    },
    logged: { message: 'internal error', err: original },
  };
}
