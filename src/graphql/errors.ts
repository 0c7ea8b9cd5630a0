/**
 * What clients see of errors. `extensions.code` is the public contract:
 * BAD_USER_INPUT, NOT_FOUND, SERVICE_UNAVAILABLE, INTERNAL_SERVER_ERROR, the
 * limit codes and REQUEST_TIMEOUT (src/errors.ts), plus the GraphQL-level codes
 * Apollo assigns to unparsable or invalid requests.
 * Anything unexpected is logged here and reaches the client as a generic
 * INTERNAL_SERVER_ERROR: no message text from a driver, no stack trace.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { RecapError } from '../errors';
import { silentLogger } from '../ops/log';
import { countRefused } from '../ops/metrics';
import { currentRequest } from '../ops/request';

/** Server-side log of the request being served: the stack stays here, never in a response. */
const log = () => currentRequest()?.log ?? silentLogger;

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

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const result = format(formatted, error);
  const code = result.extensions?.code;
  if (typeof code === 'string') countRefused(code);
  return result;
}

function format(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  let original = unwrapResolverError(error);
  // Refusals raised by plugins before execution (limits.ts) wrap a RecapError.
  if (original instanceof GraphQLError && original.originalError instanceof RecapError) {
    original = original.originalError;
  }
  if (original instanceof RecapError) {
    if (original.code === 'INTERNAL_SERVER_ERROR') return masked(formatted, original);
    const message =
      original.code === 'SERVICE_UNAVAILABLE' ? 'the graph database is unavailable' : original.message;
    if (original.code === 'SERVICE_UNAVAILABLE') log().error({ err: original }, 'store unavailable');
    return {
      message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code },
    };
  }
  const code = formatted.extensions?.code;
  const fromResolver = original !== error;
  if (!fromResolver && code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(formatted.message)) {
    const limit = TOO_MANY_TOKENS.exec(formatted.message)![1];
    return { message: `query has more than ${limit} tokens`, extensions: { code: 'TOO_MANY_TOKENS' } };
  }
  // Apollo labels these INTERNAL_SERVER_ERROR for want of a code of their own.
  if (
    !fromResolver &&
    (code === undefined || code === 'INTERNAL_SERVER_ERROR') &&
    APQ_MESSAGES.has(formatted.message)
  ) {
    return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
  if (!fromResolver && typeof code === 'string' && REQUEST_CODES.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  }
  return masked(formatted, original);
}

function masked(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  log().error({ err: original }, 'internal error');
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
