/**
 * How every route of the HTTP surface answers: JSON bodies, and the
 * GraphQL-shaped refusals made before Apollo sees a request (each counted by
 * its code in recap_requests_refused_total).
 */
import type { ServerResponse } from 'node:http';
import { countRefused } from '../ops/metrics';
import type { RequestInfo } from '../ops/request';

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

/**
 * A GraphQL-shaped error response, for refusals made before Apollo sees the
 * request, or instead of its answer (`request` given: its code counts once).
 */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  request?: RequestInfo,
): void {
  countRefused(code, request);
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}
