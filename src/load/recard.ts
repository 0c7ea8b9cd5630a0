/**
 * Talk cards (./plan/cards.ts) derived from the graph a store holds rather
 * than from one load's records, as ./relink.ts does for the link summaries: a
 * batched load ends its transaction with this, so a card names the people,
 * companies and projects the whole graph gives its talk, whichever load wrote them.
 *
 * `input/<x>.cypher` reads from the store what `load/<x>` writes; cardMaker
 * turns it into cards, and only those that differ from the stored ones are
 * written (a reload of the same data writes none).
 */
import type { WriteTransaction } from '../store/engine';
import type { QueryRegistry } from '../store/queries';
import { CARD_COLUMNS, CARD_INPUTS, cardMaker, type TalkCard } from './plan/cards';
import type { PlanRow } from './plan';
import { difference, writeGroup } from './relink';

/** Makes the stored talk cards those of the graph `tx` sees. Returns the cards written and the statements run. */
export async function recard(
  tx: WriteTransaction,
  queries: QueryRegistry,
): Promise<{ written: number; statements: number }> {
  let statements = 0;
  const inputs = new Map<string, PlanRow[]>();
  for (const load of Object.keys(CARD_INPUTS)) {
    inputs.set(load, (await tx.run(queries.get(load.replace(/^load\//, 'input/')), {})) as PlanRow[]);
    statements++;
  }
  const cardOf = cardMaker((load) => inputs.get(load) ?? []);
  const cards: TalkCard[] = (await tx.run(queries.get('input/talk'), {})).map((talk) =>
    cardOf(String(talk.id)),
  );
  statements++;
  inputs.clear();
  const stored = await tx.run(queries.get('card/stored'), {});
  statements++;
  // A card is never stale once its talk is gone: it goes with it.
  const { changed } = difference(cards, stored, 'Talk', CARD_COLUMNS);
  statements += await writeGroup(tx, queries, {
    table: 'Talk',
    identity: ['id'],
    query: 'load/talk-card',
    rows: changed,
  });
  return { written: changed.length, statements };
}
