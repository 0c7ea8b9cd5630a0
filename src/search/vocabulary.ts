/**
 * The words of every search text in the graph, which typo and prefix
 * expansion draw from. Built once per graph version (see store/version.ts)
 * and kept: a search never waits for it except the first after a start or a
 * load, and the service builds it before it serves (warmVocabulary).
 *
 * Another process's load into a shared Neo4j changes the version too, within
 * a few seconds, by its load stamp (src/store/stamp-watch.ts). For a writer
 * that bypasses the loader, after REFRESH_MS the set is rebuilt in the
 * background while searches keep using the old one, so no request pays for
 * re-reading every search text.
 */
import type { Repository } from '../store/repository';
import type { Engine } from '../store/engine';
import { graphVersion } from '../store/version';
import { words } from './terms';

const REFRESH_MS = 60_000;

interface Entry {
  version: number;
  at: number;
  words: Promise<Set<string>>;
  refreshing: boolean;
}

const cache = new WeakMap<Engine, Entry>();

async function build(repo: Repository): Promise<Set<string>> {
  const set = new Set<string>();
  for (const row of await repo.read('search/texts', {})) for (const w of words(String(row.text))) set.add(w);
  return set;
}

function start(repo: Repository, version: number): Entry {
  const entry: Entry = { version, at: Date.now(), words: build(repo), refreshing: false };
  cache.set(repo.engine, entry);
  // A failed build is not kept: the next search tries again.
  entry.words.catch(() => cache.get(repo.engine) === entry && cache.delete(repo.engine));
  return entry;
}

export async function vocabulary(repo: Repository): Promise<ReadonlySet<string>> {
  const version = graphVersion(repo.engine);
  const hit = cache.get(repo.engine);
  if (!hit || hit.version !== version) return start(repo, version).words;
  if (Date.now() - hit.at > REFRESH_MS && !hit.refreshing) {
    hit.refreshing = true;
    // Built on a repository of its own, so this request's round-trip count stays its own.
    const fresh = build(repo.detached());
    fresh.then(
      () => {
        if (cache.get(repo.engine) === hit) {
          cache.set(repo.engine, { ...hit, at: Date.now(), words: fresh, refreshing: false });
        }
      },
      () => {
        hit.refreshing = false;
      },
    );
  }
  return hit.words;
}

/** Builds the vocabulary ahead of the first search (at start, after seeding). */
export async function warmVocabulary(repo: Repository): Promise<void> {
  await vocabulary(repo);
}
