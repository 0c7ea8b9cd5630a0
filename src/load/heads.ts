/**
 * The talks' stored first pages: for each TalkOrder, the first HEAD_SIZE talks
 * as a TalkPage node holding, in page order, one JSON text per talk (HeadTalk
 * in ../store/talk-heads.ts: its properties, its card included, and its
 * edition's id and name), with the total. Written by every stamped write (./stamp.ts) from
 * the graph it leaves, under that write's stamp, so a page is read from one
 * only while the store's stamp is still the one it was stored under
 * (`Repository.pageRows`): a write by an earlier version, which leaves them
 * behind, makes them unused until the next stamped write.
 *
 * Why: Kuzu 0.11.3 uses an index for a single primary-key match only; the
 * unfiltered talk page sorts every talk and reads each returned column in full
 * (40 ms at 1000× data against 3.6 ms at 1×, issue #9's R3), and each batch
 * below it (editions' names, companies' names) scans the relationship's tables
 * (32 ms for 20 talks' companies at 1000×), where a stored page is a
 * primary-key lookup (about 3 ms at either scale). The lists hold what the
 * LinkPage nodes do for the link matrix (./plan/links.ts), and no
 * relationship, so no traversal of the graph ever meets them.
 */
import type { Row, WriteTransaction } from '../store/engine';
import { projected, pruned, type QueryRegistry } from '../store/queries';
import { groupByKey } from '../store/repository';
import { HEAD_PROPERTIES, HEAD_SIZE, headId, TALK_ORDERS, type HeadTalk } from '../store/talk-heads';

/**
 * The statements storeTalkHeads runs: the total, a read per order, the editions'
 * names of all their talks, a write per order, and the removal of pages of
 * another layout.
 */
export const HEAD_STATEMENTS = 1 + TALK_ORDERS.length + 1 + TALK_ORDERS.length + 1;

/** Stores each order's first page of the graph `tx` sees, under `stamp`; returns the statements run. */
export async function storeTalkHeads(
  tx: WriteTransaction,
  queries: QueryRegistry,
  stamp: string,
): Promise<number> {
  const [totalRow] = await tx.run(queries.get('head/talks-total'), {});
  const total = Number(totalRow?.count ?? 0);
  const page = projected(queries.get('list/talks-unfiltered'), 't', HEAD_PROPERTIES);
  const pages = new Map<string, Row[]>();
  for (const order of TALK_ORDERS) {
    const { query, params } = pruned(page, { sort: order, skip: 0, limit: HEAD_SIZE });
    pages.set(
      order,
      (await tx.run(query, params)).map((row) => row.node as Row),
    );
  }
  const ids = [...new Set([...pages.values()].flat().map((talk) => String(talk.id)))];
  const editions = await namesByTalk(tx, queries, 'talk/edition-name', ids);
  for (const [order, talks] of pages) {
    const stored = talks.map((node): string => {
      const id = String(node.id);
      const talk: HeadTalk = { node, edition: editions.get(id)?.[0] ?? null };
      return JSON.stringify(talk);
    });
    await tx.run(queries.get('load/talk-head'), { id: headId(order), stamp, total, talks: stored });
  }
  await tx.run(queries.get('load/unhead'), { keep: TALK_ORDERS.map(headId) });
  return HEAD_STATEMENTS;
}

/** A names query's rows (key, id, name) by talk, in the query's order; none for no talks. */
async function namesByTalk(
  tx: WriteTransaction,
  queries: QueryRegistry,
  name: string,
  ids: readonly string[],
): Promise<Map<string, [string, string | null][]>> {
  // Kuzu fails on an empty IN list (README, traps).
  if (ids.length === 0) return new Map();
  const rows = await tx.run(queries.get(name), { ids: [...ids] });
  const named = groupByKey(rows, ids, (row): [string, string | null] => [
    String(row.id),
    typeof row.name === 'string' ? row.name : null,
  ]);
  return new Map(ids.map((id, i) => [id, named[i]!]));
}
