/**
 * The engine port: the only surface the rest of the service sees of a graph
 * database. Two adapters implement it (kuzu/, neo4j/); the repository layer
 * talks to it with named queries and plain parameters.
 *
 * Values that cross this boundary are plain JavaScript: integers are numbers,
 * dates are `YYYY-MM-DD` strings, nodes are `StoredNode` objects and
 * relationships `StoredRel` objects. Each adapter does that normalisation, so
 * nothing above this file knows which engine answered.
 */
import type { NamedQuery } from './queries';

export type EngineName = 'kuzu' | 'neo4j';

/** A scalar parameter value, or a list of scalars. */
export type ParamScalar = string | number | boolean | null | readonly string[] | readonly number[];
/** One row of a batched write (`UNWIND $rows AS row`). */
export type ParamRow = Readonly<Record<string, ParamScalar>>;
/** A parameter value an engine accepts: scalars, lists of scalars, lists of rows, or null. */
export type ParamValue = ParamScalar | readonly ParamRow[];
export type Params = Readonly<Record<string, ParamValue>>;

/** A node as stored: its properties, plus the label it was found under. */
export interface StoredNode {
  readonly __label: string;
  readonly id: string;
  readonly [property: string]: unknown;
}

/** A relationship as stored: its properties, plus its type. */
export interface StoredRel {
  readonly __type: string;
  readonly [property: string]: unknown;
}

export type Row = Readonly<Record<string, unknown>>;

/** Statements run inside one write transaction; all land or none do. */
export interface WriteTransaction {
  run(query: NamedQuery, params: Params): Promise<Row[]>;
}

/** What a bulk load writes: rows for one table (and, for a relationship, the labels it joins). */
export interface BulkGroup {
  readonly table: string;
  readonly from?: string;
  readonly to?: string;
  readonly rows: readonly ParamRow[];
}

/** How one read may run. */
export interface ReadOptions {
  /**
   * When the request's time budget runs out, on the `performance.now()` clock.
   * The engine stops the statement then (Neo4j's transaction timeout, Kuzu's
   * query timeout) and fails it with TimeBudgetError, or does not start it when
   * the time is already spent, so a request refused with REQUEST_TIMEOUT does
   * not leave its statement holding the database.
   */
  deadline?: number;
}

export interface Engine {
  readonly name: EngineName;
  /** Runs a read-only named query. */
  read(query: NamedQuery, params: Params, options?: ReadOptions): Promise<Row[]>;
  /**
   * True when a page and its total cost less as two statements run side by side
   * than as one (`list/*-counted`): Kuzu plans every statement each time it runs,
   * and planning the pair in one cost the talks page 7.7 ms at 1x against 3.3 and
   * 1.3 ms apart (1000x: 49 against 39 and 1.4 ms). Neo4j caches its plans, and
   * answered the one statement faster (p50 4.4 against 5.6 ms for the pair).
   */
  readonly countsApart: boolean;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * `work` may run more than once (Neo4j's adapter retries a retryable failure
   * with a fresh transaction), so it must not carry state from one run to the next.
   */
  write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T>;
  /**
   * Optional fast path for a load into an EMPTY store (Kuzu's COPY). Once the
   * groups are copied, `finish` runs in one transaction over them (what the
   * load derives from the graph it leaves). All or nothing, `finish` included:
   * when either fails, or the process dies before both are done, the store is
   * left empty again. `groups` is read once, in order, so a caller may hand
   * each group over and forget it. It ensures the schema itself (see
   * ensureSchema), once the groups are read.
   */
  bulkLoad?<T>(groups: Iterable<BulkGroup>, finish: (tx: WriteTransaction) => Promise<T>): Promise<T>;
  /** Creates tables / constraints / indexes; safe to call on every start. */
  ensureSchema(): Promise<void>;
  /**
   * Drops and recreates the full-text indexes from the stored nodes, for when
   * they no longer answer (see src/store/search-check.ts). Absent when the
   * engine maintains them itself (Neo4j).
   */
  rebuildSearchIndexes?(): Promise<void>;
  /** Resolves when the database answers a trivial query; rejects with StoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
