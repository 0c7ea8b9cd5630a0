/**
 * Turns validated fixtures into the writes of one load: for each named
 * `load/*` query, the rows it merges (`UNWIND $rows AS row MERGE …`).
 * Nodes come first (plan/nodes.ts), then relationships (plan/relationships.ts),
 * so every relationship finds both of its ends; then the company–project link
 * summaries derived from them (plan/links.ts). With those, the talks are
 * planned last instead, each with its card (plan/cards.ts), which the
 * relationships make, and the editions', projects' and companies' groups are
 * handed over after them, with theirs: the bulk writer copies node tables
 * before relationship tables whatever the order.
 *
 * A group knows the table it fills and the properties that identify one of
 * its records (what its MERGE matches on), so a bulk writer can deduplicate
 * exactly as MERGE would; rows of a group with the same identity collapse to
 * the last one, as a second `SET` would overwrite the first.
 *
 * The plan is lazy: producers (one per record kind, or per fixture file that
 * implies relationships) run one at a time, and each one's groups are handed
 * out before the next runs. A consumer that writes a group and forgets it
 * holds one producer's rows at a time instead of the whole graph's (at 1000×
 * the whole plan was some 350 MB of rows on top of the parsed fixtures).
 */
import type { ParamScalar } from '../../store/engine';
import type { Fixtures } from '../fixtures';
import { NODE_PRODUCERS, TALK_PRODUCER } from './nodes';
import { RELATIONSHIP_PRODUCERS } from './relationships';
import { LINK_INPUTS, planLinks } from './links';
import { CARD_INPUTS, cardMaker, NODE_CARDS, nodeCards, type NodeCardTable } from './cards';
import { LOAD_TARGETS, type LoadTarget } from './targets';
import { collectIfGrown } from '../memory';

export type PlanRow = Record<string, ParamScalar>;

export interface WriteGroup extends LoadTarget {
  /** The named query that merges one batch of these rows. */
  readonly query: string;
  readonly rows: PlanRow[];
}

export type AddRow = (query: string, row: PlanRow) => void;

/** Writes the rows of some load queries, every row of each: no other producer adds to them. */
export type Producer = (f: Fixtures, add: AddRow) => void;

/**
 * The groups of a load, nodes first, produced as they are read.
 *
 * Iterating the plan produces every group again from the fixtures, which it
 * keeps: a write transaction that is retried (the Neo4j adapter runs the whole
 * transaction again after a retryable error: retryTransient in
 * src/store/neo4j/engine.ts) writes the whole plan again. `consume()` is for a single
 * pass that keeps nothing: the fixtures are let go once the last producer that
 * reads them has run, so a consumer that keeps no group lets the plan's memory
 * go with them (the bulk path, where nothing is retried).
 */
export class LoadPlan implements Iterable<WriteGroup> {
  private box: { fixtures?: Fixtures };
  constructor(fixtures: Fixtures) {
    // In a box, not a generator parameter: a generator keeps its parameters until it is collected.
    this.box = { fixtures };
  }
  [Symbol.iterator](): Iterator<WriteGroup> {
    if (!this.box.fixtures) throw new Error('this load plan was consumed');
    return produce({ fixtures: this.box.fixtures }, true);
  }
  /**
   * The groups of the records alone, without the link summaries and talk cards
   * derived from them (a batched load derives those from the graph it leaves:
   * ../relink.ts, ../recard.ts), nodes before relationships.
   * Iterable again, as the plan is.
   */
  records(): Iterable<WriteGroup> {
    return {
      [Symbol.iterator]: () => {
        if (!this.box.fixtures) throw new Error('this load plan was consumed');
        return produce({ fixtures: this.box.fixtures }, false);
      },
    };
  }
  /** One pass over the groups; the plan holds nothing afterwards and cannot be read again. */
  consume(): Iterable<WriteGroup> {
    if (!this.box.fixtures) throw new Error('this load plan was consumed');
    const box = this.box;
    this.box = {};
    return produce(box, true);
  }
}

export function planLoad(fixtures: Fixtures): LoadPlan {
  return new LoadPlan(fixtures);
}

/** Node groups a load into an empty store hands over after every relationship, with their cards (./cards.ts, nodeCards). */
const HELD: ReadonlySet<string> = new Set(Object.values(NODE_CARDS).map((card) => card.load));

function* produce(box: { fixtures?: Fixtures }, links: boolean): Generator<WriteGroup> {
  const done = new Set<string>();
  const held: WriteGroup[] = [];
  // What planLinks and cardMaker read, kept past its producer's groups: a few fields of a few queries.
  const kept = new Map<string, PlanRow[]>();
  const run = function* (producer: (add: AddRow) => void): Generator<WriteGroup> {
    const byQuery = new Map<string, Map<string, PlanRow>>();
    producer((query, row) => {
      const target = LOAD_TARGETS[query];
      if (!target) throw new Error(`no load target for ${query}`);
      if (done.has(query)) throw new Error(`${query} has rows from two producers`);
      let rows = byQuery.get(query);
      if (!rows) byQuery.set(query, (rows = new Map<string, PlanRow>()));
      const id = target.identity;
      // Built by hand, not map/join: this runs once per record (a million times at 1000×).
      let key = String(row[id[0]!]);
      for (let i = 1; i < id.length; i++) key += `\u0000${String(row[id[i]!])}`;
      rows.set(key, row);
    });
    const groups: WriteGroup[] = [];
    // Target order (nodes, then relationships) within a producer, whatever order rows arrived in.
    for (const [query, target] of Object.entries(LOAD_TARGETS)) {
      const rows = byQuery.get(query);
      if (!rows) continue;
      done.add(query);
      const list = [...rows.values()];
      const fields = links ? inputFields(query) : undefined;
      if (fields)
        kept.set(
          query,
          list.map((row) => pick(row, fields)),
        );
      if (links && query === 'load/talk') withCards(list, cardMaker(read(CARD_INPUTS)));
      if (!list.length) continue;
      // Held until the relationships their cards are made of are planned (below).
      if (links && HELD.has(query)) held.push({ ...target, query, rows: list });
      else groups.push({ ...target, query, rows: list });
    }
    byQuery.clear();
    // Taken out as handed over: a group the consumer is done with is garbage (collected here when it adds up).
    while (groups.length > 0) {
      collectIfGrown();
      yield groups.shift()!;
    }
  };

  const read = (inputs: Readonly<Record<string, readonly string[]>>) => (query: string) => {
    if (!inputs[query]) throw new Error(`${query} is read but not listed as an input`);
    return kept.get(query) ?? [];
  };
  // With the derived rows, talks come after the relationships their cards are made of.
  const producers = links
    ? [...NODE_PRODUCERS.filter((p) => p !== TALK_PRODUCER), ...RELATIONSHIP_PRODUCERS, TALK_PRODUCER]
    : [...NODE_PRODUCERS, ...RELATIONSHIP_PRODUCERS];
  for (const producer of producers) {
    // The last producer's rows are written by now: collect them before making more.
    collectIfGrown();
    yield* run((add) => producer(box.fixtures!, add));
  }
  box.fixtures = undefined;
  if (!links) return;
  const cards = nodeCards(read(CARD_INPUTS));
  for (const group of held.splice(0)) {
    const table = group.table as NodeCardTable;
    const column = NODE_CARDS[table].column;
    const byId = new Map(cards[table].map((card) => [card.id, card[column]!]));
    for (const row of group.rows) row[column] = byId.get(String(row.id)) ?? null;
    collectIfGrown();
    yield group;
  }
  collectIfGrown();
  yield* run((add) => {
    planLinks(
      read(LINK_INPUTS),
      (row) => add('load/link', row),
      (row) => add('load/link-page', row),
    );
    // Not needed again, and the consumer may hold this generator until the load ends.
    kept.clear();
  });
}

/** Each talk row with its card's columns. */
function withCards(talks: PlanRow[], cardOf: (talkId: string) => PlanRow): void {
  for (const row of talks) Object.assign(row, cardOf(String(row.id)));
}

/** The fields of `query`'s rows that planLinks or cardMaker read; undefined when neither does. */
function inputFields(query: string): readonly string[] | undefined {
  const fields = [...(LINK_INPUTS[query] ?? []), ...(CARD_INPUTS[query] ?? [])];
  return fields.length ? [...new Set(fields)] : undefined;
}

function pick(row: PlanRow, fields: readonly string[]): PlanRow {
  const out: PlanRow = {};
  for (const field of fields) out[field] = row[field] ?? null;
  return out;
}
