/**
 * The service's own share of an R2 page (issue #9): the page's HTTP p50 while the
 * engine answers each statement from memory with the rows the real engine gave
 * for the same statement and parameters. What is left is HTTP, Apollo, GraphQL
 * execution, the repository and the loaders: a floor under R2 that no saving of
 * statements can go below. Each replayed read copies its rows (structuredClone,
 * counted in the floor, as the engine's own row building is not): 0.05 ms a
 * request for the links page, 0.07 ms for the dashboard page. Used by
 * bench/bench.ts and bench/engines.ts; never by the service.
 */
import type { RunningService } from '../src/server/service';
import type { Engine, Params, Row } from '../src/store/engine';
import type { NamedQuery } from '../src/store/queries';
import { pct, post } from './scale-queries';

export interface Replay {
  /** From now on, remember what each statement returns. */
  record(): void;
  /** From now on, answer from memory (a statement not recorded is an error: the floor would lie). */
  replay(): void;
  /** Back to the real engine. */
  stop(): void;
}

/** Wraps `engine.read` in place while recording or replaying; `stop()` puts the real one back. */
export function replaying(engine: Engine): Replay {
  const real = engine.read;
  const recorded = new Map<string, Row[]>();
  let mode: 'record' | 'replay' | 'off' = 'off';
  const key = (query: NamedQuery, params: Params) => `${query.name}\u0000${JSON.stringify(params)}`;
  const wrapped: Engine['read'] = async (query, params) => {
    if (mode === 'replay') {
      const rows = recorded.get(key(query, params));
      if (!rows) throw new Error(`replay: ${query.name} was not recorded with these parameters`);
      // A copy per request, as the engine's own rows are: the service may keep or reshape them.
      return structuredClone(rows);
    }
    const rows = await real.call(engine, query, params);
    if (mode === 'record') recorded.set(key(query, params), structuredClone(rows));
    return rows;
  };
  // Each mode wraps again: a replay() after stop() that left the real engine in place
  // once made "replayed" samples measure the engine itself.
  const set = (next: typeof mode) => {
    mode = next;
    engine.read = next === 'off' ? real : wrapped;
  };
  set('off');
  return {
    record: () => set('record'),
    replay: () => set('replay'),
    stop: () => set('off'),
  };
}

/**
 * Each page's HTTP p50 with the engine answering from memory, by name: the
 * service's own cost, the floor under its R2. The pages are recorded once on
 * the real engine, asked once more unmeasured, then `iterations` times each,
 * interleaved so a noisy neighbour hits them alike.
 */
export async function ownCosts(
  service: RunningService,
  pages: readonly { name: string; query: string }[],
  iterations: number,
): Promise<Map<string, number>> {
  const replay = replaying(service.store.engine);
  try {
    replay.record();
    for (const q of pages) await post(service.url, q.query);
    replay.replay();
    for (const q of pages) await post(service.url, q.query);
    const times = new Map(pages.map((q) => [q.name, [] as number[]]));
    for (let i = 0; i < iterations; i++) {
      for (const q of pages) {
        const t = performance.now();
        await post(service.url, q.query);
        times.get(q.name)!.push(performance.now() - t);
      }
    }
    return new Map(
      pages.map((q) => [
        q.name,
        pct(
          times.get(q.name)!.sort((a, b) => a - b),
          50,
        ),
      ]),
    );
  } finally {
    replay.stop();
  }
}
