/**
 * The graph version: a number per engine that changes whenever a load
 * completes in this process. Whatever is derived from the whole graph (the
 * search vocabulary, cached responses) is keyed by it, so nothing computed
 * before a load is used after it.
 */
import type { Engine } from './engine';

const versions = new WeakMap<Engine, number>();

export function graphVersion(engine: Engine): number {
  return versions.get(engine) ?? 0;
}

/** Called by the loader when a load has completed (committed or bulk-copied). */
export function bumpGraphVersion(engine: Engine): number {
  const next = graphVersion(engine) + 1;
  versions.set(engine, next);
  return next;
}
