/**
 * What every load stores on the editions, from the graph it leaves (not from
 * its fixtures): their distinct counts (cypher/load/edition-stats.cypher) and
 * their place in the newest-first order (`newestRank`), which Query.editions
 * and editionStats sort by. Kuzu sorts by each string key over every edition
 * before its cut: at 1000× data (8,000 editions) the order's two string
 * tie-breakers took 10.6 ms, one integer 3.9 ms.
 */
import type { WriteTransaction } from '../store/engine';
import type { QueryRegistry } from '../store/queries';
import { writeGroup } from './relink';

/**
 * Counts every edition and ranks it in `tx`, writing only the ranks that
 * changed (a reload of the same data writes none, as relink does for links);
 * returns the statements it ran.
 */
export async function storeEditionStats(tx: WriteTransaction, queries: QueryRegistry): Promise<number> {
  await tx.run(queries.get('load/edition-stats'), {});
  const order = await tx.run(queries.get('load/edition-order'), {});
  const rows = order.flatMap((row, i) =>
    row.stored == null || Number(row.stored) !== i ? [{ id: String(row.id), newestRank: i }] : [],
  );
  const ranked = await writeGroup(tx, queries, {
    table: 'Edition',
    identity: ['id'],
    query: 'load/edition-rank',
    rows,
  });
  return 2 + ranked;
}
