/**
 * The per-request context: a repository that counts this request's database
 * work, and the DataLoaders that batch it.
 */
import { silentLogger } from '../ops/log';
import { newRequest, type RequestInfo } from '../ops/request';
import type { Store } from '../store/open';
import { Repository } from '../store/repository';
import type { RequestBudget } from '../store/budget';
import { Loaders } from './loaders';

export interface Context {
  repo: Repository;
  loaders: Loaders;
  /** Set by the `x-debug-stats: 1` request header: report round trips and time in `extensions.stats`. */
  debugStats: boolean;
  /** What the response cache did for this request (src/server/response-cache.ts). */
  cacheStatus?: 'hit' | 'miss' | 'bypass';
  /**
   * `keep` is set when the answer is to be kept: the HTTP route hands over the
   * body Apollo sends rather than have the answer serialised twice. An object, because Apollo runs an operation on a shallow
   * copy of the context: the route and the plugins share this one by reference.
   */
  answerText: { keep?: (text: string) => void };
  /** The HTTP request served: its logger, and what its log line reports (ops/request.ts). */
  request: RequestInfo;
}

export interface ContextOptions {
  /** Report round trips and time in `extensions.stats` (the `x-debug-stats: 1` header). */
  debugStats?: boolean;
  /** Ends the request's database work once its time budget is spent (server/graphql-route.ts). */
  budget?: RequestBudget;
  /** The HTTP request served, whose log line counts the repository's round trips (a detached one when none). */
  request?: RequestInfo;
}

export function createContext(
  store: Store,
  { debugStats = false, budget, request = newRequest('none', silentLogger) }: ContextOptions = {},
): Context {
  const repo = new Repository(store.engine, store.queries, budget, request);
  return { repo, loaders: new Loaders(repo), debugStats, answerText: {}, request };
}
