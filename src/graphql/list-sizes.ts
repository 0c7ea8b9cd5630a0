/**
 * The lengths of the counted root lists (COUNTED_LISTS in ./limits.ts) for the
 * cost estimate: one count statement (cypher/list/root-sizes.cypher), shared by
 * every request on an engine for the graph version it was read under
 * (store/version.ts) and at most STALE_MS, the bound cached answers keep too
 * (a load made by another process, on a shared Neo4j). A request selecting no
 * counted list never reads it.
 */
import type { Engine } from '../store/engine';
import type { Repository } from '../store/repository';
import { graphVersion } from '../store/version';

export const STALE_MS = 5_000;

export type ListSizes = ReadonlyMap<string, number>;

interface Entry {
  version: number;
  until: number;
  sizes: Promise<ListSizes>;
}

const entries = new WeakMap<Engine, Entry>();

export function rootListSizes(repo: Repository, now = Date.now()): Promise<ListSizes> {
  const { engine } = repo;
  const version = graphVersion(engine);
  const entry = entries.get(engine);
  if (entry && entry.version === version && now < entry.until) return entry.sizes;
  // Not the request's own work: no request's budget may cut it short for the others.
  const sizes = repo
    .detached()
    .read('list/root-sizes', {})
    .then(
      ([row]): ListSizes =>
        new Map([
          ['Query.editions', Number(row?.editions ?? 0)],
          ['Query.articles', Number(row?.articles ?? 0)],
        ]),
    );
  entries.set(engine, { version, until: now + STALE_MS, sizes });
  // A failed read is not kept: the next request reads again.
  sizes.catch(() => {
    if (entries.get(engine)?.sizes === sizes) entries.delete(engine);
  });
  return sizes;
}
