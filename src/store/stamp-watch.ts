/**
 * Watches the load stamp (src/load/stamp.ts) for a load made by another
 * process, and bumps the graph version when it changes, so that whatever is
 * keyed by the version (the search vocabulary, cached answers, list sizes) is
 * rebuilt as after a load made here (a load made here is left to bump it
 * itself, once). One primary-key read every WATCH_MS, off every request's
 * books, so that a load is seen within STALE_MS even when a read is slow; a
 * read that fails, or does not answer within STALE_MS, is tried again at the
 * next tick (readiness reports the store's health, not this).
 *
 * Every stamp read is also handed to `onRead`, whether it changed or not: the
 * service derives the link summaries and talk cards again for as long as the
 * stamp says they were not derived with it (src/load/stamp.ts).
 */
import type { Engine, Row } from './engine';
import type { QueryRegistry } from './queries';
import { bumpGraphVersion, isOwnStamp, STALE_MS } from './version';

export interface StampWatch {
  stop(): void;
}

/** How often the stamp is read: well inside STALE_MS, so a read's own time fits in the bound. */
export const WATCH_MS = 1_000;
/** Reads in flight at most: a slow read does not hold back the next one (results apply in start order). */
const MAX_IN_FLIGHT = 4;

/**
 * Starts watching. The first read that succeeds only records the stamp, unless
 * reads failed before it (a load may have landed meanwhile): then it bumps.
 * A read that has not answered after `deadlineMs` counts as failed; every
 * stamp read is handed to `onRead`.
 */
export function watchLoadStamp(
  engine: Engine,
  queries: QueryRegistry,
  {
    intervalMs = WATCH_MS,
    deadlineMs = STALE_MS,
    onRead = () => {},
  }: { intervalMs?: number; deadlineMs?: number; onRead?: (row: Row | undefined) => void } = {},
): StampWatch {
  const query = queries.get('graph/load-stamp');
  let seen: string | null | undefined;
  let failedBeforeFirst = false;
  let started = 0;
  let applied = 0;
  let inFlight = 0;
  // Reads in flight at stop() still answer; none of them reaches onRead (the store may be closing).
  let stopped = false;
  const tick = async () => {
    if (inFlight >= MAX_IN_FLIGHT) return;
    const mine = ++started;
    inFlight++;
    let timer: NodeJS.Timeout | undefined;
    try {
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('stamp read past its deadline')), deadlineMs);
        timer.unref();
      });
      const [row] = await Promise.race([engine.read(query, {}), deadline]);
      if (mine < applied) return; // a read begun later has already answered
      applied = mine;
      const stamp = row?.stamp == null ? null : String(row.stamp);
      const changed = seen === undefined ? failedBeforeFirst : stamp !== seen;
      // A load made through this engine object bumps the version itself (load.ts), once it completed.
      if (changed && !(stamp !== null && isOwnStamp(engine, stamp))) bumpGraphVersion(engine);
      seen = stamp;
      if (!stopped) onRead(row);
    } catch {
      // Unavailable for now: readiness says so; the next tick reads again.
      if (seen === undefined) failedBeforeFirst = true;
    } finally {
      clearTimeout(timer);
      inFlight--;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
