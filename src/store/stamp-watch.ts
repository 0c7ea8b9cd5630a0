/**
 * Watches the load stamp (src/load/stamp.ts) for a load made by another
 * process, and bumps the graph version when it changes, so that whatever is
 * keyed by the version (the search vocabulary, cached answers, list sizes) is
 * rebuilt as after a load made here (a load made here is left to bump it
 * itself, once). One primary-key read every STALE_MS, off
 * every request's books; a read that fails is tried again at the next tick
 * (readiness reports the store's health, not this).
 */
import { outsideRequest } from '../ops/request';
import type { Engine } from './engine';
import type { QueryRegistry } from './queries';
import { bumpGraphVersion, isOwnStamp, STALE_MS } from './version';

export interface StampWatch {
  stop(): void;
}

/** Starts watching; the first read only records the stamp. */
export function watchLoadStamp(engine: Engine, queries: QueryRegistry, intervalMs = STALE_MS): StampWatch {
  const query = queries.get('graph/load-stamp');
  let seen: string | null | undefined;
  let reading = false;
  const tick = async () => {
    if (reading) return; // a slow read is not stacked on
    reading = true;
    try {
      const [row] = await outsideRequest(() => engine.read(query, {}));
      const stamp = row?.stamp == null ? null : String(row.stamp);
      // A load made through this engine object bumps the version itself (load.ts).
      if (seen !== undefined && stamp !== seen && !(stamp !== null && isOwnStamp(engine, stamp))) {
        bumpGraphVersion(engine);
      }
      seen = stamp;
    } catch {
      // Unavailable for now: readiness says so; the next tick reads again.
    } finally {
      reading = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
