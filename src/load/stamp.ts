/**
 * The load stamp: every completed load writes a new value on one `LoadStamp`
 * node, as the last statement of its transaction (or of the bulk path's
 * finishing one). A service learns of its own loads directly (store/version.ts);
 * the stamp is how it learns of another process's load into a shared Neo4j,
 * which otherwise left typo and prefix search on the old words for a minute
 * (src/store/stamp-watch.ts reads it every few seconds).
 */
import { randomUUID } from 'node:crypto';
import type { Engine, WriteTransaction } from '../store/engine';
import type { QueryRegistry } from '../store/queries';
import { noteOwnStamp } from '../store/version';

/**
 * Writes a stamp no load wrote before, through `engine`'s transaction `tx`;
 * returns the statements run. The stamp is noted as `engine`'s own, so its
 * watcher leaves to the loader the version bump this load makes.
 */
export async function stampLoad(
  engine: Engine,
  tx: WriteTransaction,
  queries: QueryRegistry,
): Promise<number> {
  const stamp = `${new Date().toISOString()} ${randomUUID()}`;
  noteOwnStamp(engine, stamp);
  await tx.run(queries.get('load/stamp'), { stamp });
  return 1;
}
