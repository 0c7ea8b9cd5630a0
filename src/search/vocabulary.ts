/**
 * The words of every search text in the graph, which typo and prefix
 * expansion draw from. Read from the store at most once a minute per engine:
 * loads are rare, and an expansion missing a brand-new word only costs recall
 * for that minute.
 */
import type { Repository } from '../store/repository';
import type { Engine } from '../store/engine';
import { words } from './terms';

const TTL_MS = 60_000;
const cache = new WeakMap<Engine, { words: Set<string>; at: number }>();

export async function vocabulary(repo: Repository): Promise<ReadonlySet<string>> {
  const hit = cache.get(repo.engine);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.words;
  const set = new Set<string>();
  for (const row of await repo.read('search/texts', {})) for (const w of words(String(row.text))) set.add(w);
  cache.set(repo.engine, { words: set, at: Date.now() });
  return set;
}

/** Forget cached vocabularies (after a load in the same process). */
export function forgetVocabulary(engine: Engine): void {
  cache.delete(engine);
}
