/**
 * Talk, project, company and edition cards (./plan/cards.ts) derived from the graph a
 * store holds rather than from one load's records, as ./relink.ts does for the
 * link summaries: a batched load ends its transaction with this, so a card names
 * the people, companies and projects the whole graph gives its node, whichever
 * load wrote them.
 *
 * `input/<x>.cypher` reads from the store what `load/<x>` writes; cardMaker
 * turns it into cards, and only those that differ from the stored ones are
 * written (a reload of the same data writes none).
 */
import type { WriteTransaction } from '../store/engine';
import type { QueryRegistry } from '../store/queries';
import {
  CARD_COLUMNS,
  CARD_INPUTS,
  cardMaker,
  NODE_CARDS,
  nodeCards,
  type NodeCardTable,
  type TalkCard,
} from './plan/cards';
import type { PlanRow } from './plan';
import type { Rows } from './plan/links';
import { difference, writeGroup } from './relink';

/** One kind of card: its table, the statements reading and writing it, the derived rows, the columns compared. */
interface CardSet {
  table: string;
  stored: string;
  query: string;
  rows: readonly PlanRow[];
  columns: readonly string[];
}

/**
 * Makes the stored cards those of the graph `tx` sees. Returns the cards written
 * and the statements run. `records`: the rows of a load that emptied the store in
 * this transaction, which are then the whole graph, read instead of the store
 * (Kuzu 0.11.3 answers reads of relationships written after such a delete, in
 * the same transaction, with wrong neighbours: README, traps).
 */
export async function recard(
  tx: WriteTransaction,
  queries: QueryRegistry,
  records?: Rows,
): Promise<{ written: number; statements: number }> {
  let statements = 0;
  const inputs = new Map<string, readonly PlanRow[]>();
  for (const load of [...Object.keys(CARD_INPUTS), 'load/talk']) {
    if (records) inputs.set(load, records(load));
    else {
      inputs.set(load, (await tx.run(queries.get(load.replace(/^load\//, 'input/')), {})) as PlanRow[]);
      statements++;
    }
  }
  const read = (load: string) => inputs.get(load) ?? [];
  const cardOf = cardMaker(read);
  const talkCards: TalkCard[] = read('load/talk').map((talk) => cardOf(String(talk.id)));
  const nodeCardRows = nodeCards(read);
  inputs.clear();
  const sets: CardSet[] = [
    { table: 'Talk', stored: 'card/stored', query: 'load/talk-card', rows: talkCards, columns: CARD_COLUMNS },
    ...(Object.keys(NODE_CARDS) as NodeCardTable[]).map((table) => ({
      table,
      stored: NODE_CARDS[table].stored,
      query: NODE_CARDS[table].query,
      rows: nodeCardRows[table],
      columns: [NODE_CARDS[table].column],
    })),
  ];
  let written = 0;
  for (const { table, stored: storedQuery, query, rows, columns } of sets) {
    const stored = await tx.run(queries.get(storedQuery), {});
    statements++;
    // A card is never stale once its node is gone: it goes with it.
    const { changed } = difference(rows, stored, table, columns);
    statements += await writeGroup(tx, queries, { table, identity: ['id'], query, rows: changed });
    written += changed.length;
  }
  return { written, statements };
}
