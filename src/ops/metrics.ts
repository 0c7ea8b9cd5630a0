/**
 * Prometheus metrics, served at GET /metrics. One registry per process (tests
 * start several services in one process; prom-client refuses to register a
 * metric twice). Label values are bounded: routes come from a fixed list and
 * GraphQL operation names, which clients choose, are capped.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestInfo } from './request';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const requests = new Counter({
  name: 'recap_requests_total',
  help: 'HTTP requests served, by route, GraphQL operation name and status',
  labelNames: ['route', 'operation', 'status'] as const,
  registers: [registry],
});

const duration = new Histogram({
  name: 'recap_request_duration_seconds',
  help: 'Time from request to response end, by route and GraphQL operation name',
  labelNames: ['route', 'operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const dbRoundTrips = new Counter({
  name: 'recap_db_round_trips_total',
  help: 'Named queries sent to the graph database',
  registers: [registry],
});

const dbSeconds = new Counter({
  name: 'recap_db_seconds_total',
  help: 'Time spent waiting for the graph database',
  registers: [registry],
});

const cacheHits = new Counter({
  name: 'recap_cache_hits_total',
  help: 'GraphQL queries answered from the response cache',
  registers: [registry],
});

const cacheMisses = new Counter({
  name: 'recap_cache_misses_total',
  help: 'GraphQL queries the response cache could have answered but did not hold',
  registers: [registry],
});

const executions = new Counter({
  name: 'recap_graphql_executions_total',
  help: 'GraphQL operations executed, by executor: graphql-js, or a function graphql-jit compiled for the document',
  labelNames: ['executor'] as const,
  registers: [registry],
});

const refused = new Counter({
  name: 'recap_requests_refused_total',
  help: 'Requests refused, by error code (each code once per request): the client errors, and REQUEST_TIMEOUT (the time budget)',
  labelNames: ['code'] as const,
  registers: [registry],
});

/**
 * Error codes that mean "the request was refused", counted by
 * recap_requests_refused_total. Query limits added later (depth, cost, time
 * budget, …) count as soon as their code is listed here.
 */
export const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNKNOWN_FILTER',
  'TOO_MANY_EXPORTS',
  'HTTP_1_1_REQUIRED',
  // Query limits (src/graphql/limits.ts) and the request time budget (graphql-route.ts).
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_TOKENS',
  'TOO_MANY_REPEATS',
  'REQUEST_TIMEOUT',
]);

/**
 * Counts a refusal if `code` is one; within `request` (a time budget spent,
 * then the abandoned execution's own errors), each code counts once.
 */
export function countRefused(code: string, request?: RequestInfo): boolean {
  if (!REFUSAL_CODES.has(code)) return false;
  if (request) {
    if (request.refused.has(code)) return false;
    request.refused.add(code);
  }
  refused.inc({ code });
  return true;
}

/** One database round trip, for the process totals (the request's own are its repository's). */
export function recordDbRoundTrip(ms: number): void {
  dbRoundTrips.inc();
  dbSeconds.inc(ms / 1000);
}

/** An operation ran on a compiled function, or on graphql-js (src/graphql/executor.ts). */
export function recordExecution(executor: 'compiled' | 'graphql-js'): void {
  executions.inc({ executor });
}

/** The response cache answered `request`. */
export function recordCacheHit(request: RequestInfo): void {
  cacheHits.inc();
  request.cacheHit = true;
}

/** The response cache was asked and had no answer (bypassed requests count as neither). */
export function recordCacheMiss(): void {
  cacheMisses.inc();
}

const ROUTES = new Set(['/', '/graphql', '/healthz', '/readyz', '/metrics']);

/** A bounded route label for a path: the fixed routes, `/export`, or `other`. */
export function routeOf(pathname: string): string {
  if (ROUTES.has(pathname)) return pathname;
  if (pathname.startsWith('/export/')) return '/export';
  return 'other';
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const MAX_OPERATION_LABELS = 100;
const operationLabels = new Set<string>();

/** The operation name as a label: a valid GraphQL name among the first 100 seen, else `other`. */
export function operationLabel(operation: string | undefined): string {
  if (operation === undefined) return '';
  if (!GRAPHQL_NAME.test(operation)) return 'other';
  if (operationLabels.has(operation)) return operation;
  if (operationLabels.size >= MAX_OPERATION_LABELS) return 'other';
  operationLabels.add(operation);
  return operation;
}

export function recordRequest(route: string, operation: string | undefined, status: number, seconds: number) {
  const op = operationLabel(operation);
  requests.inc({ route, operation: op, status: String(status) });
  duration.observe({ route, operation: op }, seconds);
}
