/**
 * The repository: every read the API makes, each one named Cypher file run
 * through the engine port. One instance per request, so it can count the
 * request's database round trips and time (reported with `x-debug-stats: 1`).
 *
 * Batch reads take a list of ids and return rows grouped by the `key` column
 * in key order, which is exactly what a DataLoader batch function must return.
 */
import type { Engine, Params, Row, StoredNode, StoredRel } from './engine';
import { narrowed, projected, pruned, unioned, type NamedQuery, type QueryRegistry } from './queries';
import { readyNameIndex } from './name-index';
import { labelOf, type Label } from './kinds';
import { headAnswers, headId, headWindow, keepHead, keptHead, NO_STAMP, parsedHead } from './talk-heads';
import { CARD_COLUMNS } from '../load/plan/cards';
import { recordDbRoundTrip } from '../ops/metrics';
import { compareCodePoints } from '../text';
import { budgetSpent, type RequestBudget } from './budget';

/** Properties stored as lists: Kuzu gives back null for an empty list, the API promises []. */
const LIST_PROPERTIES = ['aliases', 'authors', 'sources'];

export interface RequestStats {
  dbRoundTrips: number;
  dbMs: number;
}

/** A related node with whatever the batch query returned beside it (`rel`, `company`, …). */
export interface Related {
  readonly node: StoredNode;
  readonly rel?: StoredRel;
  readonly [column: string]: unknown;
}

/** Names of the list queries under cypher/list/, each with a `-count` twin. */
export type ListName = 'talks' | 'speakers' | 'companies' | 'projects';

/** The lists ordered by name, each with a name index (./name-index.ts). */
export type NameListName = Exclude<ListName, 'talks'>;
export const NAME_LISTS: readonly NameListName[] = ['speakers', 'companies', 'projects'];

/**
 * One page of a list (Repository.pageRows): its nodes, each talk's edition when
 * asked (null otherwise), and the total when counted.
 */
export interface PageRows {
  nodes: StoredNode[];
  editions: (StoredNode | null)[];
  total: number | null;
  /** Whether rows follow the page, when known without reading its last row (`peek`). */
  more?: boolean;
}

/** Each list's node: the variable its query returns `AS node`, and its label. */
const LIST_NODES: Record<ListName, { variable: string; label: Label }> = {
  talks: { variable: 't', label: 'Talk' },
  speakers: { variable: 'p', label: 'Person' },
  companies: { variable: 'c', label: 'Company' },
  projects: { variable: 'p', label: 'Project' },
};

/** A LIMIT no list reaches: the whole list (an INT32, which both engines bind as an integer). */
const WHOLE_LIST = 2 ** 31 - 1;

/**
 * The most nodes a page found by its name index reads as unioned lookups by
 * id (`unioned` in ./queries): each costs about 0.7 ms on Kuzu at any size,
 * where the batch statement's scan costs 20 ms at 1000× and less than this
 * many lookups on a small graph. A longer page reads the batch statement.
 */
const UNIONED_LOOKUPS = 12;

export const LIST_FILTER_KEYS: Record<ListName, readonly string[]> = {
  talks: ['editionId', 'kind', 'speakerId', 'companyId', 'projectId', 'titleContains'],
  speakers: ['nameContains', 'companyId', 'editionId'],
  companies: ['nameContains', 'editionId'],
  projects: ['nameContains', 'maturity', 'cncf', 'editionId'],
};

export class Repository {
  constructor(
    readonly engine: Engine,
    private readonly queries: QueryRegistry,
    /**
     * The request's time budget: once it is spent no further round trip starts, and
     * the statement running then is stopped by its engine (./budget.ts).
     */
    private readonly budget?: RequestBudget,
    /** Where this repository counts its round trips: the request's own counters (its log line). */
    readonly stats: RequestStats = { dbRoundTrips: 0, dbMs: 0 },
  ) {}

  /** A repository on the same store with its own counters (for work no request should be billed for). */
  detached(): Repository {
    return new Repository(this.engine, this.queries);
  }

  /**
   * Runs one named read query, counting it; `labels` narrows node variables
   * whose kind the caller knows (see `narrowed` in ./queries).
   */
  async read(name: string, params: Params, labels?: Readonly<Record<string, string>>): Promise<Row[]> {
    const query = this.queries.get(name);
    return this.run(labels ? narrowed(query, labels) : query, params);
  }

  /** Runs a query without the guard lines its parameters turn off (see `pruned` in ./queries). */
  private async run(whole: NamedQuery, all: Params): Promise<Row[]> {
    const { query, params } = pruned(whole, all);
    if (this.budget?.signal.aborted) throw budgetSpent(query.file);
    const started = performance.now();
    this.stats.dbRoundTrips += 1;
    try {
      return await this.engine.read(query, params, { deadline: this.budget?.deadline });
    } finally {
      const ms = performance.now() - started;
      this.stats.dbMs += ms;
      recordDbRoundTrip(ms);
    }
  }

  /**
   * Nodes of one label by id, in `ids` order (null where absent). A single id
   * is a primary-key lookup (node/one, narrowed to the label): Kuzu answers a
   * list of ids by scanning the whole table, however short the list.
   */
  async nodesByIds(label: Label, ids: readonly string[]): Promise<(StoredNode | null)[]> {
    const rows =
      ids.length === 1
        ? await this.read('node/one', { id: ids[0]! }, { n: label })
        : await this.read(`node/${label.toLowerCase()}`, { ids: [...ids] });
    return inIdOrder(rows, ids, (node) => cleanNode(node));
  }

  /**
   * Talks by id, each read as only `properties` (node/talk-fields projected), in
   * `ids` order (null where absent): partial talks, never to be primed. A lone id
   * is node/one's primary-key lookup, projected the same way (a whole talk
   * would lack the cards: nodes are cleaned of them).
   */
  async partialTalksByIds(
    ids: readonly string[],
    properties: readonly string[],
  ): Promise<(StoredNode | null)[]> {
    const rows =
      ids.length === 1
        ? await this.run(projected(narrowed(this.queries.get('node/one'), { n: 'Talk' }), 'n', properties), {
            id: ids[0]!,
          })
        : await this.run(projected(this.queries.get('node/talk-fields'), 'n', properties), { ids: [...ids] });
    return inIdOrder(rows, ids, (node) => partialNode(node, 'Talk'));
  }

  /** A relationship batch (`talk/projects`, …): for each id, its related rows in query order. */
  async related(name: string, ids: readonly string[]): Promise<Related[][]> {
    const rows = await this.read(name, { ids: [...ids] });
    return groupByKey(rows, ids, (row) => cleanNodes(row) as Related);
  }

  /**
   * A names batch (NAME_QUERIES in ./query-names): for each id, its related
   * nodes as stubs holding only their id and name, in query order.
   */
  async relatedNames(name: string, ids: readonly string[]): Promise<StoredNode[][]> {
    return groupByKey(await this.read(name, { ids: [...ids] }), ids, (row) => stub(row.id, row.name));
  }

  /**
   * A batch returning `t AS node` (edition/talks) with each talk read as only
   * `properties` (see `projected` in ./queries): partial talks, never to be primed.
   */
  async relatedPartial(
    name: string,
    ids: readonly string[],
    properties: readonly string[],
  ): Promise<StoredNode[][]> {
    const query = projected(this.queries.get(name), 't', properties);
    return groupByKey(await this.run(query, { ids: [...ids] }), ids, (row) => partialNode(row.node, 'Talk'));
  }

  /**
   * An edition by id with its talks as relatedPartial('edition/talks') gives
   * them, in one statement (edition/with-talks): null when there is no such
   * edition. With `editionAs`, the edition is read as only those properties: a
   * partial node, never to be primed.
   */
  async editionWithTalks(
    id: string,
    properties: readonly string[],
    editionAs: readonly string[] | null = null,
  ): Promise<{ edition: StoredNode; talks: StoredNode[] } | null> {
    const withTalks = projected(this.queries.get('edition/with-talks'), 't', properties);
    const query = editionAs ? projected(withTalks, 'e', editionAs, 'edition') : withTalks;
    const [row] = await this.run(query, { id });
    if (!row) return null;
    // Kuzu 0.11.3 gives a collect over no rows as null, Neo4j as [].
    const entries = [...((row.talks ?? []) as { sortKey: string; node: unknown }[])];
    entries.sort((a, b) => compareCodePoints(a.sortKey, b.sortKey));
    return {
      edition: editionAs ? partialNode(row.edition, 'Edition') : cleanNode(row.edition),
      talks: entries.map((entry) => partialNode(entry.node, 'Talk')),
    };
  }

  /** Every node a whole-list query returns (`edition/all`, `article/all`), up to `first`. */
  async all(name: string, first: number): Promise<StoredNode[]> {
    return (await this.read(name, { first })).map((row) => cleanNode(row.node));
  }

  /** A stored node with list properties that came back null made empty. */
  clean(value: unknown): StoredNode {
    return cleanNode(value);
  }

  /** One page of a filtered list, in the order `sort` names (TalkOrder or NameOrder). */
  async page(
    list: ListName,
    filter: Params,
    sort: string,
    skip: number,
    limit: number,
  ): Promise<StoredNode[]> {
    return (await this.pageRows(list, filter, { sort, skip, limit })).nodes;
  }

  /**
   * One page with what the list query brings along: each talk's edition, and
   * with `counted` the filtered total: for talks from the same statement
   * (null when the page is empty and the total is therefore unknown) or, on an
   * engine that `countsApart`, from the -count statement run alongside; for a
   * page from a name index, from the index, which otherwise stops counting
   * once the page is full (the total is then null when it may be short). With
   * `properties`, each node is read as those properties alone, and with
   * `editionNames` each edition as its id and name: partial nodes, never to be
   * primed into a node loader. An unfiltered first page of talks that asks what a
   * stored first page holds is read from it instead (headRows), and a name list
   * filtered by name alone from its name index (indexedWindow).
   */
  async pageRows(
    list: ListName,
    filter: Params,
    window: { sort: string; skip: number; limit: number },
    options: {
      counted?: boolean;
      withEditions?: boolean;
      properties?: readonly string[];
      editionNames?: boolean;
      /**
       * The window's last row is asked only to learn whether more follow (a
       * connection's window): a page from a name index, which knows that, does
       * not read it and says so in `more`.
       */
      peek?: boolean;
    } = {},
  ): Promise<PageRows> {
    if (list !== 'talks') {
      // Counted to the page's end only, unless the total is asked.
      const countTo = options.counted ? Infinity : window.skip + window.limit;
      const found = this.indexedWindow(list, filter, window, countTo);
      if (found) return this.indexedPage(list, found, window, { ...options, countTo });
    }
    const counted = (options.counted ?? false) && list === 'talks';
    // The total from the page's own statement, or from its -count twin run alongside.
    const together = counted && !this.engine.countsApart;
    const withEditions = options.withEditions ?? true;
    const [name, params] = listQuery(list, filter, withEditions);
    const head = list === 'talks' && (await this.headRows(params, window, options));
    if (head) return { ...head, total: counted ? head.total : null };
    let query = this.queries.get(`${name}${together ? '-counted' : ''}`);
    const partial = options.properties;
    const { variable, label } = LIST_NODES[list];
    if (partial) query = projected(query, variable, partial);
    const editionNames = list === 'talks' && withEditions && (options.editionNames ?? false);
    if (editionNames) query = projected(query, 'edition', ['id', 'name'], 'edition');
    const [rows, apart] = await settledPair(
      this.run(query, { ...params, ...window }),
      counted && !together ? this.count(list, filter) : null,
    );
    return {
      nodes: rows.map((row) => (partial ? partialNode(row.node, label) : cleanNode(row.node))),
      editions: rows.map((row) =>
        !row.edition ? null : editionNames ? partialNode(row.edition, 'Edition') : cleanNode(row.edition),
      ),
      total: together ? (rows.length > 0 ? Number(rows[0]!.total) : null) : apart,
    };
  }

  /**
   * A page's ids and the filtered total (counted up to `countTo`) from the
   * list's name index (./name-index.ts): only for a name list filtered by
   * nameContains alone, in name order, once the index of the current graph
   * version is built. Null otherwise: the list's statement answers.
   */
  private indexedWindow(
    list: NameListName,
    filter: Params,
    window: { sort: string; skip: number; limit: number },
    countTo = Infinity,
  ): { ids: string[]; total: number } | null {
    const params = filterParams(list, filter);
    const needle = params.nameContains;
    const others = Object.entries(params).some(([key, value]) => key !== 'nameContains' && value != null);
    if (typeof needle !== 'string' || others || window.sort !== 'NAME') return null;
    const index = readyNameIndex(this.engine, list, () => this.detached().nameTexts(list));
    return index?.window(needle, window.skip, window.limit, countTo) ?? null;
  }

  /**
   * The nodes of the ids a name index found, in its order, read by id (as
   * `properties` alone when given); with `peek`, all but the window's last,
   * whether more follow coming from the index's total. That total counted up to
   * `countTo`: a total that reached it may be short, and is given as null.
   */
  private async indexedPage(
    list: NameListName,
    found: { ids: string[]; total: number },
    window: { skip: number; limit: number },
    { properties, peek, countTo }: { properties?: readonly string[]; peek?: boolean; countTo: number },
  ): Promise<PageRows> {
    const { label } = LIST_NODES[list];
    const ids = peek ? found.ids.slice(0, Math.max(0, window.limit - 1)) : found.ids;
    let rows: (StoredNode | null)[];
    if (ids.length === 0) rows = [];
    else if (ids.length > UNIONED_LOOKUPS) rows = await this.nodesByIds(label, ids);
    else {
      let one = narrowed(this.queries.get('node/one'), { n: label });
      if (properties) one = projected(one, 'n', properties);
      const lookups = unioned(one, 'id', ids.length);
      const read = await this.run(lookups, Object.fromEntries(ids.map((id, i) => [`id${i}`, id])));
      rows = inIdOrder(read, ids, (node) => (properties ? partialNode(node, label) : cleanNode(node)));
    }
    // A node deleted since the index was built is left out; its page comes up short.
    const nodes = rows.filter((node): node is StoredNode => node !== null);
    // A total that reached countTo (skip + limit at least) still says whether rows follow the peeked one.
    const more = peek ? found.total > window.skip + ids.length : undefined;
    return {
      nodes,
      editions: nodes.map(() => null),
      total: found.total < countTo ? found.total : null,
      more,
    };
  }

  /**
   * Every node of a name list with its search text, in name order: the list's
   * own statement, unfiltered, read whole as id, name and text (what
   * ./name-index.ts indexes). The name travels with the id: the name lists
   * order by `node.name` after their RETURN.
   */
  async nameTexts(list: NameListName): Promise<{ id: string; text: string }[]> {
    const { variable } = LIST_NODES[list];
    const query = projected(this.queries.get(`list/${list}`), variable, ['id', 'name', 'searchText']);
    const window = { sort: 'NAME', skip: 0, limit: WHOLE_LIST };
    const rows = await this.run(query, { ...filterParams(list, {}), ...window });
    return rows.map((row) => {
      const node = row.node as { id: string; searchText?: string | null };
      return { id: node.id, text: node.searchText ?? '' };
    });
  }

  /**
   * An unfiltered page of talks from the stored first page of its order
   * (store/talk-heads.ts), when that holds what the page asks: one primary-key
   * lookup, editions as ids and names included. Null otherwise,
   * or when the stored page is not current.
   */
  private async headRows(
    params: Params,
    window: { sort: string; skip: number; limit: number },
    options: { withEditions?: boolean; properties?: readonly string[]; editionNames?: boolean },
  ): Promise<(PageRows & { total: number }) | null> {
    const withEditions = options.withEditions ?? true;
    const editions = !withEditions ? 'none' : options.editionNames ? 'names' : 'whole';
    const unfiltered = Object.values(params).every((v) => v == null);
    if (!unfiltered || !headAnswers(window.sort, window, options.properties, editions)) return null;
    const id = headId(window.sort);
    const kept = keptHead(this.engine, id);
    const [row] = await this.read('head/talks', { head: id, known: kept?.stamp ?? NO_STAMP });
    const parsed = parsedHead(row, kept);
    if (!parsed) return null;
    if (parsed !== kept) keepHead(this.engine, id, parsed);
    const head = headWindow(parsed, window, options.properties!);
    return {
      nodes: head.talks.map((talk) => partialNode(talk, 'Talk')),
      editions: head.editions.map((e) =>
        e && withEditions ? partialNode({ id: e[0], name: e[1] }, 'Edition') : null,
      ),
      total: head.total,
    };
  }

  /**
   * Every id of a filtered list, in the order `sort` names, from one statement
   * that sorts once: an export walks them a page at a time. Paging the list
   * itself sorted the table again for every page, and on Kuzu, whose SKIP the
   * adapter emulates, read every row before the page too (a 1000× talks export
   * had not ended after 10 minutes).
   */
  async orderedIds(list: ListName, filter: Params, sort: string): Promise<string[]> {
    const window = { sort, skip: 0, limit: WHOLE_LIST };
    const indexed = list === 'talks' ? null : this.indexedWindow(list, filter, window);
    if (indexed) return indexed.ids;
    // The name lists order by `node.name` after their RETURN: the name travels with the id.
    const properties = list === 'talks' ? ['id'] : ['id', 'name'];
    const { nodes } = await this.pageRows(list, filter, window, { properties, withEditions: false });
    return nodes.map((node) => node.id);
  }

  /** The nodes of a list's kind with these ids, in their order; null for an id no longer stored. */
  listNodes(list: ListName, ids: readonly string[]): Promise<(StoredNode | null)[]> {
    return this.nodesByIds(LIST_NODES[list].label, ids);
  }

  /** The size of a filtered list, counted by the database. */
  async count(list: ListName, filter: Params): Promise<number> {
    const indexed =
      list === 'talks' ? null : this.indexedWindow(list, filter, { sort: 'NAME', skip: 0, limit: 0 });
    if (indexed) return indexed.total;
    const [name, params] = listQuery(list, filter, true);
    const [row] = await this.read(`${name}-count`, params);
    return Number(row?.count ?? 0);
  }
}

/** The node of each id's row (`key`, `node`), in `ids` order; null for an id with no row. */
function inIdOrder(
  rows: readonly Row[],
  ids: readonly string[],
  toNode: (node: unknown) => StoredNode,
): (StoredNode | null)[] {
  const byId = new Map(rows.map((row) => [row.key as string, toNode(row.node)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Both results, once both have settled: a failing statement does not leave the
 * other running past the request that started it (its time budget, the drain).
 */
async function settledPair<A, B>(a: Promise<A>, b: Promise<B> | B): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

/** The list query a page or count starts from (`-counted`, `-count` are appended), with its filter parameters. */
function listQuery(
  list: ListName,
  filter: Params,
  withEditions: boolean,
): [string, Record<string, Params[string]>] {
  return list === 'talks' ? talkList(filter, withEditions) : [`list/${list}`, filterParams(list, filter)];
}

/**
 * Talk filters that follow a relationship, each with the variant anchored on
 * it, in the order they are tried: a person has fewer talks than a company,
 * and a company fewer than a project.
 */
const TALK_ANCHORS = [
  ['speakerId', 'list/talks-by-speaker'],
  ['companyId', 'list/talks-by-company'],
  ['projectId', 'list/talks-by-project'],
] as const;

/**
 * The talk list query a filter needs, and its filter parameters. On Kuzu an
 * unset filter still costs what a set one does, and a set relationship filter
 * is a subquery per talk, so the repository picks:
 * - no filter, editions not wanted: the stored sort key alone (list/talks-unfiltered*);
 * - a relationship filter (speakerId, companyId, projectId): the talks reached from
 *   that node (list/talks-by-*);
 * - otherwise (no relationship filter): the talk's own filters only (list/talks-direct*).
 * A `-counted` twin is read when totalCount is asked too, a `-count` one for the total alone.
 * tests/store/talk-lists.test.ts checks each against the talks' relationships.
 */
function talkList(filter: Params, withEditions: boolean): [string, Record<string, Params[string]>] {
  const all = filterParams('talks', filter);
  if (!withEditions && Object.values(all).every((v) => v == null)) return ['list/talks-unfiltered', {}];
  const anchor = TALK_ANCHORS.find(([key]) => all[key] != null);
  if (anchor) return [anchor[1], all];
  const direct = Object.fromEntries(
    Object.entries(all).filter(([key]) => !TALK_ANCHORS.some(([relation]) => relation === key)),
  );
  return ['list/talks-direct', direct];
}

/** Every filter key bound, absent ones as null: Kuzu insists each `$param` is bound. */
function filterParams(list: ListName, filter: Params): Params {
  const out: Record<string, Params[string]> = {};
  for (const key of LIST_FILTER_KEYS[list]) out[key] = filter[key] ?? null;
  return out;
}

/** Rows grouped by their `key` column, one list per id in `ids` order: what a DataLoader batch returns. */
export function groupByKey<T>(rows: readonly Row[], ids: readonly string[], map: (row: Row) => T): T[][] {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const key = row.key as string;
    const list = grouped.get(key) ?? [];
    list.push(map(row));
    grouped.set(key, list);
  }
  return ids.map((id) => grouped.get(id) ?? []);
}

/**
 * A node known only by its id and name (the names batches, link ends): enough
 * for id, name and Node's label and type, and never primed into a node loader,
 * where another field could take it for the whole node.
 */
export function stub(id: unknown, name: unknown): StoredNode {
  const key = String(id);
  return { __label: labelOf(key) ?? '', id: key, name: name == null ? null : String(name) };
}

/** A node as a projected query returns it: a map of some of its properties. */
function partialNode(value: unknown, label: Label): StoredNode {
  return cleanNode({ ...(value as { id: string }), __label: label }, true);
}

/** A row with every node in it cleaned (`node`, and others such as a participation's `company`). */
function cleanNodes(row: Row): Row {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    out[column] =
      value !== null && typeof value === 'object' && '__label' in value ? cleanNode(value) : value;
  }
  return out;
}

/**
 * A node as the service hands it on. A talk's card columns (CARD_COLUMNS in
 * src/load/plan/cards.ts), which only a page of talks reads, as partial talks
 * (src/graphql/cards.ts), are left out of whole talks, so a whole talk is the
 * same whichever statement read it (Kuzu's node/talk does not return them).
 * Other kinds keep their one card column: every statement returning them whole
 * reads it, and a whole edition's answers its companies (Edition.companies).
 */
function cleanNode(value: unknown, partial = false): StoredNode {
  const node = { ...(value as StoredNode) } as Record<string, unknown>;
  for (const key of LIST_PROPERTIES) if (key in node && node[key] == null) node[key] = [];
  if (!partial && node.__label === 'Talk') for (const key of CARD_COLUMNS) delete node[key];
  return node as StoredNode;
}
