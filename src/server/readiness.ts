/**
 * What GET /readyz answers. Ready means: not shutting down, the store's files
 * are in place and it answers a real named query (cypher/health/ready), and
 * full-text search finds what the graph holds. /healthz stays a constant.
 *
 * Search is checked in full at start (src/store/search-check.ts): when the
 * indexes miss nodes and the engine can rebuild them (Kuzu), they are rebuilt
 * once and checked again. Afterwards each /readyz runs one cheap probe query;
 * while search is failing, the full check is re-run at most every few
 * seconds, so readiness returns once an index catches up (Neo4j populates a
 * new full-text index in the background).
 */
import type { Store } from '../store/open';
import { checkSearch, probeSearch, type SearchCheck } from '../store/search-check';

const RECHECK_MS = 5_000;
/**
 * How long /readyz waits for the database. A Neo4j that stops answering without
 * closing its connections (frozen, or cut off by a network that drops packets)
 * leaves driver calls pending until Neo4j's receive timeout hint, 120 s: the
 * probe answers 503 at this deadline instead, and probes made meanwhile share
 * the one pending check rather than piling up sessions.
 */
export const READY_TIMEOUT_MS = 2_000;

export interface ReadyAnswer {
  status: 200 | 503;
  body: { status: 'ready' | 'unavailable' | 'shutting down'; engine: string; reason?: string };
}

export class Readiness {
  private draining = false;
  /** The database check in progress: concurrent probes wait for the same one. */
  private pending: Promise<'database' | 'search' | null> | undefined;
  private search: SearchCheck | undefined;
  private searchCheckedAt = 0;

  constructor(
    private readonly store: Store,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Start-up: checks search in full, and rebuilds the indexes once if they miss nodes. */
  async verifySearch(): Promise<SearchCheck> {
    const { engine } = this.store;
    let result = await this.recheckSearch();
    if (!result.ok && engine.rebuildSearchIndexes) {
      this.log(
        `search indexes miss ${result.missing.length < 10 ? result.missing.length : 'at least 10'} of ` +
          `${result.expected} nodes (${result.missing.join(', ')}): rebuilding them`,
      );
      await engine.rebuildSearchIndexes();
      result = await this.recheckSearch();
    }
    if (!result.ok) {
      this.log(`search cannot find ${result.missing.join(', ')}: /readyz answers 503 until it can`);
    }
    return result;
  }

  /** From now on /readyz answers 503 (SIGTERM: let the load balancer stop sending work). */
  startDraining(): void {
    this.draining = true;
  }

  async check(): Promise<ReadyAnswer> {
    const { engine } = this.store;
    const answer = (status: 200 | 503, state: ReadyAnswer['body']['status'], reason?: string) => ({
      status,
      body: { status: state, engine: engine.name, ...(reason ? { reason } : {}) },
    });
    if (this.draining) return answer(503, 'shutting down', 'the service is shutting down');
    const pending = (this.pending ??= this.checkStore().finally(() => {
      if (this.pending === pending) this.pending = undefined;
    }));
    const result = await withDeadline(pending, READY_TIMEOUT_MS);
    // A check past its deadline may never end: the next probe starts a fresh one.
    if (result === TIMED_OUT && this.pending === pending) this.pending = undefined;
    if (result === 'search') return answer(503, 'unavailable', 'full-text search does not answer');
    if (result !== null) return answer(503, 'unavailable', 'the database does not answer');
    return answer(200, 'ready');
  }

  /** The database and search checks of one probe: null when both pass, else which failed. */
  private async checkStore(): Promise<'database' | 'search' | null> {
    const { engine, queries } = this.store;
    try {
      await engine.ping();
      await engine.read(queries.get('health/ready'), {});
    } catch {
      return 'database';
    }
    try {
      return (await this.searchAnswers()) ? null : 'search';
    } catch {
      return 'search';
    }
  }

  private async searchAnswers(): Promise<boolean> {
    const { engine, queries } = this.store;
    const last = this.search;
    if (last?.ok) {
      if (await probeSearch(engine, queries, last.probes)) return true;
      // The probe stopped answering: run the full check from now on.
      this.search = { ...last, ok: false };
      this.searchCheckedAt = 0;
    }
    if (Date.now() - this.searchCheckedAt >= RECHECK_MS) await this.recheckSearch();
    return this.search?.ok ?? false;
  }

  private async recheckSearch(): Promise<SearchCheck> {
    this.searchCheckedAt = Date.now();
    this.search = await checkSearch(this.store.engine, this.store.queries);
    return this.search;
  }
}

const TIMED_OUT = Symbol('timed out');

/** `work`'s result, or TIMED_OUT once `ms` have passed (the work itself goes on). */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
