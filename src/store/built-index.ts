/**
 * In-memory indexes of the graph that the service builds itself, one per
 * engine, key and graph version (./version.ts): the name lists' (./name-index.ts)
 * and search's (src/search/search-index.ts). Each is built in the background by
 * a statement of no request's: until it is ready, and after a load until it is
 * rebuilt, the caller runs its own statement instead, so no request waits for
 * a build. A writer that bypasses the loader changes no version: as the search
 * vocabulary does, an index older than REFRESH_MS is rebuilt in the background
 * while the old one keeps serving. A failed build is tried again by a later
 * caller, RETRY_MS after it at first and twice as long after each failure in a
 * row, up to REFRESH_MS: a store that cannot be read whole is not read again by
 * every request.
 */
import type { Engine } from './engine';
import { graphVersion } from './version';

const REFRESH_MS = 60_000;
const RETRY_MS = 1_000;

interface Entry {
  version: number;
  at: number;
  /** The built index; undefined until one is built, null when its rows cannot be indexed. */
  index?: unknown;
  building: boolean;
  /** Builds failed in a row, and when the next may start. */
  failures: number;
  retryAt: number;
}

const entries = new WeakMap<Engine, Map<string, Entry>>();

function keysOf(engine: Engine): Map<string, Entry> {
  let keys = entries.get(engine);
  if (!keys) entries.set(engine, (keys = new Map()));
  return keys;
}

/**
 * The key's index for the engine's current graph version, or undefined when
 * none is ready: a build is then started (one at a time per key), and the
 * caller runs its statement meanwhile. `build` reads and indexes; it must not
 * bill any request. One key always holds one type of index.
 */
export function readyIndex<T>(
  engine: Engine,
  key: string,
  build: () => Promise<T | null>,
  now = Date.now(),
): T | undefined {
  const keys = keysOf(engine);
  const version = graphVersion(engine);
  const entry = keys.get(key);
  const current = entry?.version === version ? entry : undefined;
  const due =
    !current ||
    (!current.building &&
      now >= current.retryAt &&
      (current.index === undefined || now - current.at > REFRESH_MS));
  // A failed build is logged by none: the caller's statement answers meanwhile.
  if (due) keep(keys, key, version, build, current, now).catch(() => undefined);
  return (current?.index ?? undefined) as T | undefined;
}

/**
 * Builds the index and keeps it under `version`, unless another build
 * replaced this one meanwhile (a load's, or a warm-up's); an index kept under a
 * version a load has since left is rebuilt by the next caller. A refresh keeps
 * serving the index it replaces until it is done, and after it fails.
 */
function keep(
  keys: Map<string, Entry>,
  key: string,
  version: number,
  build: () => Promise<unknown>,
  previous: Entry | undefined,
  now = Date.now(),
): Promise<void> {
  const entry: Entry = previous ?? { version, at: now, building: true, failures: 0, retryAt: 0 };
  entry.building = true;
  if (!previous) keys.set(key, entry);
  return build().then(
    (index) => {
      if (keys.get(key) !== entry) return;
      keys.set(key, { version, at: Date.now(), index, building: false, failures: 0, retryAt: 0 });
    },
    (error: unknown) => {
      if (keys.get(key) === entry) {
        entry.building = false;
        entry.failures += 1;
        entry.retryAt = now + Math.min(REFRESH_MS, RETRY_MS * 2 ** (entry.failures - 1));
      }
      throw error;
    },
  );
}

/**
 * Builds these keys' indexes ahead of their first caller (at start, after
 * seeding), side by side; fails when one cannot be built.
 */
export async function warmIndexes<Key extends string>(
  engine: Engine,
  keys: readonly Key[],
  build: (key: Key) => Promise<unknown>,
): Promise<void> {
  const byKey = keysOf(engine);
  const version = graphVersion(engine);
  await Promise.all(keys.map((key) => keep(byKey, key, version, () => build(key), undefined)));
}
