/**
 * The graph version: a number per engine that changes whenever a load
 * completes in this process, or another process's load is seen by its stamp
 * (./stamp-watch.ts). Whatever is derived from the whole graph (the
 * search vocabulary, cached responses) is keyed by it, so nothing computed
 * before a load is used after it.
 */
import type { Engine } from './engine';

/**
 * How long anything derived from the graph may be used without knowing its
 * version is current: a load made by another process (a shared Neo4j) bumps no
 * version here, so cached answers and the cost estimate's list sizes are kept
 * at most this long.
 */
export const STALE_MS = 5_000;

const versions = new WeakMap<Engine, number>();

export function graphVersion(engine: Engine): number {
  return versions.get(engine) ?? 0;
}

/**
 * The stamps this engine object's own loads wrote (src/load/stamp.ts), the
 * latest few: such a load bumps the version itself when it completes, so its
 * stamp watcher (./stamp-watch.ts) must not bump it a second time — that second
 * bump cost every cached answer, and a rebuild of the search vocabulary, for nothing.
 * Several, because a retried transaction writes a stamp per attempt.
 */
const ownStamps = new WeakMap<Engine, string[]>();
const OWN_STAMPS_KEPT = 8;

export function noteOwnStamp(engine: Engine, stamp: string): void {
  const list = ownStamps.get(engine) ?? [];
  list.push(stamp);
  ownStamps.set(engine, list.slice(-OWN_STAMPS_KEPT));
}

export function isOwnStamp(engine: Engine, stamp: string): boolean {
  return ownStamps.get(engine)?.includes(stamp) ?? false;
}

/**
 * A read made of several statements found that a load completed between two of
 * them, and that its answer would mix the two graphs (see linkMatrix in ./analyst.ts).
 */
export class GraphChangedError extends Error {}

/** Called by the loader when a load has completed (committed or bulk-copied). */
export function bumpGraphVersion(engine: Engine): number {
  const next = graphVersion(engine) + 1;
  versions.set(engine, next);
  return next;
}
