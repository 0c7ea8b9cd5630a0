/**
 * The load stamp: every completed load writes a new value on one `LoadStamp`
 * node, as the last statement of its transaction (or of the bulk path's
 * finishing one). A service learns of its own loads directly (store/version.ts);
 * the stamp is how it learns of another process's load into a shared Neo4j,
 * which otherwise left typo and prefix search on the old words for a minute
 * (src/store/stamp-watch.ts reads it every few seconds).
 *
 * The same node is the lock that puts such loads one after the other: a write
 * that ends with a stamp begins by taking it (`lockLoads`). Without it, two
 * processes' loads ran side by side on Neo4j, and each derived the link
 * summaries and talk cards (./relink.ts, ./recard.ts) from a graph without the
 * other's writes; whichever committed last left summaries or cards that the
 * graph no longer gave. Its `derived` field says whether they match the graph
 * (cypher/load/stamp.cypher; `rederiveStale` in ./backfill.ts mends a store
 * where they may not, at start and while the service's watcher reads such a stamp).
 */
import { randomUUID } from 'node:crypto';
import type { Engine, Row, WriteTransaction } from '../store/engine';
import type { QueryRegistry } from '../store/queries';
import { noteOwnStamp } from '../store/version';
import { storeTalkHeads } from './heads';
import { storeLinkHead } from './link-heads';

/**
 * Takes the store's load lock for `tx`, to its commit or rollback; returns the
 * statements run. Run first, before the transaction reads what it derives from.
 */
export async function lockLoads(tx: WriteTransaction, queries: QueryRegistry): Promise<number> {
  await tx.run(queries.get('load/lock'), {});
  return 1;
}

/**
 * Writes a stamp no load wrote before, through `engine`'s transaction `tx`,
 * and the talks' first pages under it (./heads.ts); returns the statements run. The stamp is noted as `engine`'s own, so its
 * watcher leaves to the loader the version bump this load makes. `derives`:
 * this transaction derived the link summaries and talk cards from the graph it
 * leaves; otherwise it only carries on their `derived` stamp, having changed
 * none of their inputs.
 */
export async function stampLoad(
  engine: Engine,
  tx: WriteTransaction,
  queries: QueryRegistry,
  derives: boolean,
): Promise<number> {
  const stamp = `${new Date().toISOString()} ${randomUUID()}`;
  // The talks' first pages and the link matrix's first facts of the graph this write leaves,
  // under its stamp: stored by every stamped write, so a stamp that is not theirs says they
  // may be behind (./heads.ts, ./link-heads.ts).
  const heads = (await storeTalkHeads(tx, queries, stamp)) + (await storeLinkHead(tx, queries, stamp));
  noteOwnStamp(engine, stamp);
  await tx.run(queries.get('load/stamp'), { stamp, derives });
  return heads + 1;
}

/**
 * True when `row` (graph/load-stamp's) says the last write to the store was
 * not known to leave the link summaries and talk cards matching the graph
 * (cypher/load/stamp.cypher). A store without a stamp has never been loaded by
 * a version that writes them.
 */
export function derivationsStale(row: Row | undefined): boolean {
  return row != null && row.stamp != null && row.derived !== row.stamp;
}
