/**
 * The public error contract.
 *
 * Clients see only `extensions.code`; the classes below are how the code base
 * raises each code. Anything that is not one of these classes reaches clients
 * as INTERNAL_SERVER_ERROR with a generic message (see graphql/errors.ts).
 */

export type PublicErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'UNKNOWN_FILTER'
  | 'TOO_MANY_EXPORTS'
  | 'HTTP_1_1_REQUIRED'
  | LimitCode
  | 'REQUEST_TIMEOUT';

/** Codes of a request refused before execution for exceeding a limit (src/graphql/limits.ts). */
export type LimitCode =
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'TOO_MANY_TOKENS'
  | 'TOO_MANY_REPEATS'
  | 'QUERY_TOO_COSTLY';

export abstract class RecapError extends Error {
  abstract readonly code: PublicErrorCode;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A value the client sent, as an error message quotes it: at most 80 characters,
 * so a 900 kB id is not sent back as a 900 kB message.
 */
export function clipped(value: string): string {
  if (value.length <= 80) return value;
  // Never between the halves of a surrogate pair (an emoji): a lone half is not text, and the
  // message would carry it to the client as an unpaired \ud83d.
  const high = value.charCodeAt(79);
  const end = high >= 0xd800 && high <= 0xdbff ? 79 : 80;
  return `${value.slice(0, end)}… (${value.length} characters)`;
}

/** The request is wrong: an argument out of range, a malformed cursor, an unknown id kind. */
export class BadInputError extends RecapError {
  readonly code = 'BAD_USER_INPUT' as const;
}

/** An export's query string names a filter the table does not take (`?editionid=` for `editionId`). */
export class UnknownFilterError extends RecapError {
  readonly code = 'UNKNOWN_FILTER' as const;
}

/** Every export slot is taken (EXPORT_MAX_CONCURRENT): the client should retry after a while. */
export class ExportsBusyError extends RecapError {
  readonly code = 'TOO_MANY_EXPORTS' as const;
}

/**
 * An export asked over HTTP/1.0: without chunked encoding, a connection cut
 * mid-export ends the body as if it were complete, so a short table would
 * look whole. The client (or its proxy) should ask again over HTTP/1.1.
 */
export class Http11RequiredError extends RecapError {
  readonly code = 'HTTP_1_1_REQUIRED' as const;
}

/** The request names something that does not exist where existence is required. */
export class NotFoundError extends RecapError {
  readonly code = 'NOT_FOUND' as const;
}

/** The database cannot be reached or refused service; retrying later may work. */
export class StoreUnavailableError extends RecapError {
  readonly code = 'SERVICE_UNAVAILABLE' as const;
}

/** The operation is over one of the configured limits: refused with HTTP 400 before anything runs. */
export class LimitError extends RecapError {
  constructor(
    readonly code: LimitCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
  }
}

/** The request used up its time budget; the work it had left is dropped. */
export class TimeBudgetError extends RecapError {
  readonly code = 'REQUEST_TIMEOUT' as const;
}

/** A store-level failure that is our fault (bad query, constraint violation): logged, masked. */
export class StoreError extends RecapError {
  readonly code = 'INTERNAL_SERVER_ERROR' as const;
}

/** Configuration problems stop the process before it serves anything. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}
