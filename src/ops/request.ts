/**
 * What the service knows about the request being served, reachable from any
 * code running on its behalf (resolvers, the repository, error formatting)
 * through AsyncLocalStorage, so none of them needs it passed down.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from './log';

export interface RequestInfo {
  readonly id: string;
  /** A child logger: every line carries `reqId`. */
  readonly log: Logger;
  /** GraphQL operation name, once Apollo has resolved it ('anonymous' if it has none). */
  operation?: string;
  dbRoundTrips: number;
  dbMs: number;
  /** Whether the response cache answered (src/server/response-cache.ts). */
  cacheHit: boolean;
  /** Refusal codes already counted for this request, so one request counts once per code. */
  readonly refused: Set<string>;
}

const storage = new AsyncLocalStorage<RequestInfo>();

/** An `x-request-id` we accept from a client: 1–128 characters, letters, digits and `._:-` only. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's `x-request-id` if it is safe to log and echo, else a fresh UUID. */
export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}

export function newRequest(id: string, logger: Logger): RequestInfo {
  return {
    id,
    log: logger.child({ reqId: id }),
    dbRoundTrips: 0,
    dbMs: 0,
    cacheHit: false,
    refused: new Set(),
  };
}

export function runInRequest<T>(request: RequestInfo, fn: () => T): T {
  return storage.run(request, fn);
}

export function currentRequest(): RequestInfo | undefined {
  return storage.getStore();
}

/** Runs `fn` on no request's behalf: work shared between requests is logged and counted for none. */
export function outsideRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}
