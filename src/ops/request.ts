/**
 * What the service knows about the request being served: its id, its logger,
 * and what its log line reports. Created by the HTTP server (server/http.ts)
 * and handed down: to the GraphQL route and the other routes, and through the
 * GraphQL context to the repository (its round trips) and the plugins.
 *
 * Handed down rather than found through AsyncLocalStorage: on Node 20 that
 * hooks the creation of every promise in the process, and a page of 20 talks
 * creates hundreds. Without it an uncached talks page took 12–15 % less CPU.
 */
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
