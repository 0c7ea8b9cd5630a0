/**
 * The talks' stored first pages: for each TalkOrder, the first HEAD_SIZE talks
 * as a TalkPage node holding their ids and what a dashboard reads of them
 * (HEAD_PROPERTIES), as parallel lists in page order, with the total. Written by
 * every stamped write (./stamp.ts) from the graph it leaves, under that write's
 * stamp, so a page is read from one only while the store's stamp is still the
 * one it was stored under (`Repository.pageRows`): a write by an earlier version,
 * which leaves them behind, makes them unused until the next stamped write.
 *
 * Why: Kuzu 0.11.3 uses an index for a single primary-key match only; the
 * unfiltered talk page sorts every talk and reads each returned column in full
 * (40 ms at 1000× data against 3.6 ms at 1×, issue #9's R3), where a stored
 * page is a primary-key lookup (about 3 ms at either scale). The lists hold
 * what the LinkPage nodes do for the link matrix (./plan/links.ts), and no
 * relationship, so no traversal of the graph ever meets them.
 */
import type { Row, WriteTransaction } from '../store/engine';
import { projected, pruned, type QueryRegistry } from '../store/queries';
import { HEAD_COLUMNS, HEAD_PROPERTIES, HEAD_SIZE, TALK_ORDERS } from '../store/talk-heads';

/** The statements storeTalkHeads runs: the total, then a read and a write per order. */
export const HEAD_STATEMENTS = 1 + 2 * TALK_ORDERS.length;

/** Lists cannot hold null on Neo4j: a missing value is stored as '' and read back as null. */
const stored = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Stores each order's first page of the graph `tx` sees, under `stamp`; returns the statements run. */
export async function storeTalkHeads(
  tx: WriteTransaction,
  queries: QueryRegistry,
  stamp: string,
): Promise<number> {
  const [totalRow] = await tx.run(queries.get('head/talks-total'), {});
  const total = Number(totalRow?.count ?? 0);
  const page = projected(queries.get('list/talks-unfiltered'), 't', HEAD_PROPERTIES);
  let statements = 1;
  for (const order of TALK_ORDERS) {
    const { query, params } = pruned(page, { sort: order, skip: 0, limit: HEAD_SIZE });
    const nodes = (await tx.run(query, params)).map((row) => row.node as Row);
    await tx.run(queries.get('load/talk-head'), {
      head: order,
      stamp,
      total,
      ...Object.fromEntries(HEAD_PROPERTIES.map((p) => [HEAD_COLUMNS[p], nodes.map((n) => stored(n[p]))])),
    });
    statements += 2;
  }
  return statements;
}
