/**
 * The search texts of a name list (speakers, companies, projects) held in
 * memory in the list's name order, so that a page filtered by `nameContains`
 * alone finds its ids and its total without a statement: Kuzu 0.11.3 has no
 * index for CONTAINS, and at 1000× Query.projects filtered by name scanned
 * 81,000 texts and sorted the matches in 21 ms, where searching the same texts
 * joined into one string takes under half a millisecond here. The page's
 * nodes are then read by id (Repository.pageRows).
 *
 * One index per engine, list and graph version, built in the background
 * (./built-index.ts): until it is ready, and after a load until it is rebuilt,
 * pages run the list's own statement. The order is the list statement's own
 * (its rows read whole, projected to id and text), so both paths give the same
 * pages on each engine.
 */
import type { Engine } from './engine';
import { readyIndex, warmIndexes } from './built-index';

/** Between two texts: folded texts (src/text.ts) hold no newline, nor does a folded needle. */
const SEPARATOR = '\n';

/** A node of the list and its search text. */
export interface NameRow {
  id: string;
  text: string;
}

export class NameIndex {
  private constructor(
    /** Ids in the list's name order. */
    private readonly ids: readonly string[],
    /** Every text, in the same order, each followed by SEPARATOR. */
    private readonly joined: string,
    /** Where each text starts in `joined`. */
    private readonly starts: Int32Array,
  ) {}

  /** The index of these rows, in their order; null when a text holds the separator (it cannot be searched joined). */
  static of(rows: readonly NameRow[]): NameIndex | null {
    const starts = new Int32Array(rows.length);
    let at = 0;
    for (const [i, row] of rows.entries()) {
      if (row.text.includes(SEPARATOR)) return null;
      starts[i] = at;
      at += row.text.length + 1;
    }
    const joined = rows.map((row) => row.text + SEPARATOR).join('');
    return new NameIndex(
      rows.map((row) => row.id),
      joined,
      starts,
    );
  }

  /**
   * The ids of the texts containing `needle`, from the `skip`-th match on, at
   * most `limit`, and how many texts match in all, counted up to `countTo`: a
   * page that shows no total stops once its window is full (at 1000×, 1,000 of
   * 81,000 projects hold "falco", and counting them all took 0.34 ms). Null for
   * a needle that holds the separator (no folded filter does): the caller asks
   * the database.
   */
  window(
    needle: string,
    skip: number,
    limit: number,
    countTo = Infinity,
  ): { ids: string[]; total: number } | null {
    if (needle === '' || needle.includes(SEPARATOR)) return null;
    const ids: string[] = [];
    let total = 0;
    let from = 0;
    while (total < countTo) {
      const hit = this.joined.indexOf(needle, from);
      if (hit < 0) break;
      // No match spans two texts (the needle holds no separator): the hit is in the text starting last before it.
      const row = this.rowAt(hit);
      if (total >= skip && ids.length < limit) ids.push(this.ids[row]!);
      total += 1;
      // One count per text, however often it holds the needle.
      from = row + 1 < this.starts.length ? this.starts[row + 1]! : this.joined.length;
    }
    return { ids, total };
  }

  /** The row whose text holds position `at` of `joined`. */
  private rowAt(at: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** The key of a list's index among ./built-index.ts's. */
const keyOf = (list: string) => `names:${list}`;

/**
 * The list's index for the engine's current graph version, or undefined when
 * none is ready (./built-index.ts): a build is then started, and the caller
 * runs the list's statement meanwhile. `read` gives the list's rows in name
 * order and must not bill any request.
 */
export function readyNameIndex(
  engine: Engine,
  list: string,
  read: () => Promise<NameRow[]>,
  now = Date.now(),
): NameIndex | undefined {
  return readyIndex(engine, keyOf(list), async () => NameIndex.of(await read()), now);
}

/**
 * Builds each list's index ahead of the first page that needs one (at start,
 * after seeding), so pages filtered by name are served from it from the first;
 * fails when a list cannot be read.
 */
export async function warmNameIndexes<List extends string>(
  engine: Engine,
  lists: readonly List[],
  read: (list: List) => Promise<NameRow[]>,
): Promise<void> {
  const byKey = new Map(lists.map((list) => [keyOf(list), list]));
  await warmIndexes(engine, [...byKey.keys()], async (key) => NameIndex.of(await read(byKey.get(key)!)));
}
