/**
 * The lengths of the counted root lists (COUNTED_LISTS in ./limits.ts) for the
 * cost estimate: one count statement (cypher/list/root-sizes.cypher), read when
 * a request selecting such a list finds none kept, then shared by every request
 * on an engine for the graph version it was read under and at most STALE_MS,
 * the bound cached answers keep too (store/version.ts). When the read fails,
 * the last sizes read stand in (the estimate must not fall back to 10 rows on
 * a graph of thousands), and the next request reads again.
 */
import type { Engine } from '../store/engine';
import type { Repository } from '../store/repository';
import { graphVersion, STALE_MS } from '../store/version';

export type ListSizes = ReadonlyMap<string, number>;

interface Entry {
  version: number;
  until: number;
  sizes: Promise<ListSizes>;
}

const entries = new WeakMap<Engine, Entry>();
const lastRead = new WeakMap<Engine, ListSizes>();

export function rootListSizes(repo: Repository, now = Date.now()): Promise<ListSizes> {
  const { engine } = repo;
  const version = graphVersion(engine);
  const entry = entries.get(engine);
  if (entry && entry.version === version && now < entry.until) return entry.sizes;
  // Not the request's own work: no request's budget may cut it short for the
  // others, and none has it on its log line.
  const read = repo.detached().read('list/root-sizes', {});
  const sizes: Promise<ListSizes> = read.then(
    ([row]) => {
      const counted = new Map([
        ['Query.editions', Number(row?.editions ?? 0)],
        ['Query.articles', Number(row?.articles ?? 0)],
      ]);
      lastRead.set(engine, counted);
      return counted;
    },
    (error: unknown) => {
      if (entries.get(engine)?.sizes === sizes) entries.delete(engine);
      const last = lastRead.get(engine);
      if (last) return last;
      throw error;
    },
  );
  entries.set(engine, { version, until: now + STALE_MS, sizes });
  return sizes;
}
