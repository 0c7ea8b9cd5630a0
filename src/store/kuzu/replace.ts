/**
 * A Kuzu store replaced whole (`npm run load -- --reset`): the new graph is
 * bulk-loaded into a sibling file and renamed over the store at the end.
 *
 * Why: a reset and reload through one transaction of batched MERGEs is the
 * slow path (100× took 37 s and 1.1 GiB; 1000× did not fit in memory), while
 * COPY into an empty store loads 1000× in half a minute. Staging keeps it all
 * or nothing: until the rename the old store is untouched; the rename is
 * atomic; a crash leaves only a staging file, which the next reload removes.
 *
 * The old store is checked free (Kuzu's per-process lock refuses while a
 * server holds it) before staging and again just before the rename, from a
 * short-lived child process opening it read-only: opening a 1000× store keeps
 * ~170 MiB of native memory in the opening process even after it is closed,
 * which held or not would add to the load's peak.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import type { QueryRegistry } from '../queries';
import { StoreError } from '../../errors';
import {
  fileSize,
  incompleteMarkPath,
  indexBackupPath,
  KuzuEngine,
  rebuildMarkPath,
  walPath,
} from './engine';

/** The files of the store at `path`: the database, its log and our marks. */
const filesOf = (path: string) => [
  path,
  walPath(path),
  rebuildMarkPath(path),
  incompleteMarkPath(path),
  indexBackupPath(path),
];

/** The old store is only opened to be checked, never read: a small pool is enough. */
const CHECK_BUFFER_POOL_MB = 32;
const PROBE_TIMEOUT_MS = 60_000;

export const stagingPath = (path: string) => `${path}.staging`;

export async function replaceStore<T>(
  path: string,
  queries: QueryRegistry,
  bufferPoolMb: number | undefined,
  log: (line: string) => void,
  fill: (engine: KuzuEngine) => Promise<T>,
): Promise<T> {
  const staging = stagingPath(path);
  for (const file of filesOf(staging)) rmSync(file, { force: true });
  // Refuses while a server holds the store, and recovers what a crash left.
  await checkFree(path, queries, log);
  let result: T;
  try {
    const next = await KuzuEngine.open(staging, queries, bufferPoolMb, log);
    try {
      result = await fill(next);
    } finally {
      await next.close();
    }
    // A clean close leaves an empty log at most, and no mark; anything else is not a finished store.
    const unfinished = [
      ...[walPath(staging)].filter((file) => fileSize(file) > 0),
      ...[rebuildMarkPath(staging), incompleteMarkPath(staging)].filter((file) => existsSync(file)),
    ];
    if (unfinished.length > 0)
      throw new StoreError(`staged store left ${unfinished.join(', ')} after closing`);
    // A server started during the load would keep the old file open under the new one.
    await checkFree(path, queries, log);
  } catch (error) {
    for (const file of filesOf(staging)) rmSync(file, { force: true });
    throw error;
  }
  // The old store was closed cleanly just now, so its log holds nothing; left there, it would be replayed onto the new file.
  rmSync(walPath(path), { force: true });
  // A copy of the old store kept for unfinished index work would be put back over the new one.
  rmSync(indexBackupPath(path), { force: true });
  renameSync(staging, path);
  rmSync(walPath(staging), { force: true });
  // After the rename: a crash before this line costs at most an unneeded index rebuild.
  rmSync(rebuildMarkPath(path), { force: true });
  rmSync(incompleteMarkPath(path), { force: true });
  return result;
}

/** A child that opens the store read-only and closes it: exit 0 when no other process holds it. */
const PROBE = `const kuzu = require(process.argv[1]);
const db = new kuzu.Database(process.argv[2], ${CHECK_BUFFER_POOL_MB} * 1024 * 1024, true, true);
db.init().then(() => db.close()).then(() => process.exit(0), () => process.exit(3));`;

/**
 * Resolves when no other process holds the store. A failed probe is not read
 * (its message is not a contract): the store is then opened here, which
 * recovers what a crash left or refuses with StoreUnavailableError.
 */
async function checkFree(path: string, queries: QueryRegistry, log: (line: string) => void): Promise<void> {
  if (!existsSync(path)) return; // nothing to hold, nothing to recover
  const probe = spawnSync(process.execPath, ['-e', PROBE, require.resolve('kuzu'), path], {
    stdio: 'ignore',
    timeout: PROBE_TIMEOUT_MS,
  });
  if (probe.status === 0) return;
  const engine = await KuzuEngine.open(path, queries, CHECK_BUFFER_POOL_MB, log);
  await engine.close();
}
