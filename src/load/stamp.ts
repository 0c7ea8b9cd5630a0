/**
 * The load stamp: every completed load writes a new value on one `LoadStamp`
 * node, as the last statement of its transaction (or of the bulk path's
 * finishing one). A service learns of its own loads directly (store/version.ts);
 * the stamp is how it learns of another process's load into a shared Neo4j,
 * which otherwise left typo and prefix search on the old words for a minute
 * (src/store/stamp-watch.ts reads it every few seconds).
 */
import { randomUUID } from 'node:crypto';
import type { WriteTransaction } from '../store/engine';
import type { QueryRegistry } from '../store/queries';

/** Writes a stamp no load wrote before; returns the statements run. */
export async function stampLoad(tx: WriteTransaction, queries: QueryRegistry): Promise<number> {
  await tx.run(queries.get('load/stamp'), { stamp: `${new Date().toISOString()} ${randomUUID()}` });
  return 1;
}
