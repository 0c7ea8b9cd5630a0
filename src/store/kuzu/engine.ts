/**
 * Kuzu adapter: the embedded default engine (npm `kuzu`, in-process, one
 * database file under DATA_DIR, or `:memory:`).
 *
 * Kuzu has sharp edges this file exists to absorb (measured on 0.11.3, see
 * ../shared/notes/cypher-dialects.md and tests/store/kuzu-engine.test.ts):
 * - an empty or null list bound to `IN $x` kills the process (segfault), so
 *   such parameters are checked here and refused with an error;
 * - an empty list parameter cannot be typed, and Kuzu stores `[]` as null
 *   anyway, so other empty lists are sent as null;
 * - a statement that holds several queries cannot be prepared: DDL runs
 *   statement by statement;
 * - SKIP beyond the rows there are segfaults at sizes that vary with the data
 *   and from run to run (a few thousand on the test fixtures): the adapter
 *   never sends a SKIP, it asks for skip + limit rows and drops the first ones.
 * Reads share a small pool of connections; writes take one writer connection
 * in turn, because Kuzu allows one write transaction at a time.
 *
 * Crash safety. Kuzu 0.11.3 replays its write-ahead log after a crash, but the
 * replay of a node update (`SET n.searchTokens = …`, which every load MERGE does)
 * skips the full-text indexes (WALReplayer::replayNodeUpdateRecord never calls
 * NodeTable::initUpdateState, so no index is told): after `kill -9` the data
 * comes back and search answers `[]`. So:
 * - every committed write is followed by a CHECKPOINT, which leaves the log
 *   empty; a crash while serving then has nothing to replay;
 * - a log left non-empty at open (a crash between COMMIT and the end of the
 *   CHECKPOINT, or mid-transaction) marks the indexes suspect in a file next
 *   to the database, before Kuzu replays anything; ensureSchema() then drops
 *   and recreates every FTS index from the tables and removes the mark only
 *   once that is checkpointed, so a crash during the rebuild rebuilds again.
 * - CREATE_FTS_INDEX is not atomic either: killed half-way, it leaves internal
 *   tables that no statement can drop, and the index can never be created
 *   again under its name. So index work on a store that holds data (an
 *   upgrade's new indexes, a rebuild) first copies the checkpointed store
 *   beside it; the next open puts the copy back if the work did not finish,
 *   and the work is done again.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { types } from 'node:util';
import { LRUCache } from 'lru-cache';
import kuzu from 'kuzu';
import type { Connection, Database, KuzuValue, PreparedStatement, QueryResult } from 'kuzu';
import type { BulkGroup, Engine, Params, ReadOptions, Row, WriteTransaction } from '../engine';
import { budgetSpent, msLeft, pastDeadline } from '../budget';
import { stageBulkLoad, stagingDir } from './bulk';
import type { NamedQuery, QueryRegistry } from '../queries';
import { boundParams, statements } from '../queries';
import { mapRow, toSafeNumber } from '../normalize';
import { StoreError, StoreUnavailableError } from '../../errors';
import { tracePhase } from '../../load/trace';
import { releaseGarbage } from '../../load/memory';

const READ_CONNECTIONS = 3;
/** A connection's query timeout when no deadline applies: the binding refuses 0, Kuzu's "none". */
const NO_TIMEOUT_MS = 2 ** 31 - 1;
/** Staged CSV above which the bulk load collects garbage before COPY (100× data stages ~27 MiB). */
const RELEASE_AFTER_BYTES = 16 * 1024 * 1024;
/**
 * Queries paged by one `SKIP $skip LIMIT $limit` (cypher/list/*,
 * analyst/company-project-links), whose SKIP the
 * adapter does itself: it asks for skip + limit rows and drops the first ones.
 * What follows the cut must keep the rows it kept one for one and in order
 * (list/talks* match each kept talk's edition after the cut and order again).
 */
export const SKIP_LIMIT = /\bSKIP\s+\$skip\s+LIMIT\s+\$limit\b/g;

/** True when the statement holds exactly one page cut the adapter can window. */
export function pagedOnce(text: string): boolean {
  return (text.match(SKIP_LIMIT) ?? []).length === 1;
}

/** pagedOnce per query, worked out once per process rather than on every paged read. */
const windowable = new WeakMap<NamedQuery, boolean>();
function isWindowable(query: NamedQuery): boolean {
  let paged = windowable.get(query);
  if (paged === undefined) windowable.set(query, (paged = pagedOnce(query.text)));
  return paged;
}

/**
 * Prepared statements kept per connection. The named files are ~150, but derived
 * copies (narrowed paths, talk lists read as some properties) are chosen by the
 * request's selection: bounded, least recently used dropped, so no sequence of
 * requests can grow native memory without limit.
 */
export const PREPARED_PER_CONNECTION = 512;

/** Serialises work on one connection: Kuzu's Node binding does not promise concurrent use of one. */
class Lane {
  private tail: Promise<unknown> = Promise.resolve();
  readonly prepared = new LRUCache<string, PreparedStatement>({ max: PREPARED_PER_CONNECTION });
  constructor(readonly connection: Connection) {}
  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/** What open() learnt from, and wrote beside, a store file before Kuzu opened it. */
interface OpenMarks {
  /** This open wrote the rebuild mark (a non-empty write-ahead log was found). */
  marked: boolean;
  /** The incomplete mark was there: the store's creation or first bulk load died. */
  interrupted: boolean;
  /** No store was there: this open creates it (and marked it incomplete). */
  creating: boolean;
}

const NO_MARKS: OpenMarks = { marked: false, interrupted: false, creating: false };

/** The marks of the header's crash safety, written or read before Kuzu touches the store. */
function markBeforeOpen(path: string): OpenMarks {
  mkdirSync(dirname(path), { recursive: true });
  const interrupted = existsSync(incompleteMarkPath(path));
  // A new store is disposable until its schema and indexes exist: Kuzu's full-text
  // tables half-made by a killed CREATE_FTS_INDEX can never be created again.
  const creating = !interrupted && !existsSync(path);
  if (creating) writeFileSync(incompleteMarkPath(path), 'store being created\n');
  // Before init(): init() replays the log, and a crash during the replay must not lose the mark.
  let marked = false;
  if (fileSize(walPath(path)) > 0 && !existsSync(rebuildMarkPath(path))) {
    writeFileSync(rebuildMarkPath(path), 'write-ahead log found at open\n');
    marked = true;
  }
  return { marked, interrupted, creating };
}

/**
 * Undoes what a dead process left half-done, on a store just opened: the copy
 * taken before index work is put back, or a store whose creation or first bulk
 * load died starts empty again. True when it closed `database` for that, and
 * the store must be opened anew.
 */
async function recoverInterrupted(
  database: Database,
  path: string,
  marks: OpenMarks,
  log: (line: string) => void,
): Promise<boolean> {
  rmSync(`${indexBackupPath(path)}.partial`, { force: true });
  if (existsSync(indexBackupPath(path))) {
    // Index work was under way when its process died (see the header): the store goes
    // back to the copy taken before it, and the work is done again.
    log('full-text index work was interrupted: restoring the store as it was before it');
    await database.close();
    rmSync(walPath(path), { force: true });
    // The log just found was the interrupted work's: the restored store does not need a rebuild for it.
    if (marks.marked) rmSync(rebuildMarkPath(path), { force: true });
    renameSync(indexBackupPath(path), path);
    return true;
  }
  if (marks.interrupted) {
    // The store was being created, or bulk-loaded while empty, and that process died
    // (we hold the lock now). Nothing in it was ever complete, and Kuzu's full-text
    // tables may be half-made: the files go, and the store starts empty again.
    log('the store was being created or bulk-loaded when its process died: starting from an empty store');
    await database.close();
    for (const file of [
      path,
      walPath(path),
      `${path}.shadow`,
      rebuildMarkPath(path),
      incompleteMarkPath(path),
    ]) {
      rmSync(file, { recursive: true, force: true });
    }
    return true;
  }
  return false;
}

export class KuzuEngine implements Engine {
  readonly name = 'kuzu' as const;
  readonly countsApart = true;
  private readonly readers: Lane[];
  private readonly writer: Lane;
  private nextReader = 0;
  private closed = false;
  /** A new store whose schema is not yet complete: see open() and ensureSchema(). */
  private creating = false;

  private constructor(
    private readonly database: Database,
    private readonly queries: QueryRegistry,
    /** The database file, or `:memory:`. */
    private readonly path: string,
    private readonly log: (line: string) => void,
  ) {
    this.readers = Array.from({ length: READ_CONNECTIONS }, () => new Lane(new kuzu.Connection(database)));
    this.writer = new Lane(new kuzu.Connection(database));
  }

  /** Opens (creating if needed) the database at `path`; `:memory:` for a throwaway one. */
  static async open(
    path: string,
    queries: QueryRegistry,
    bufferPoolMb = 512,
    log: (line: string) => void = () => undefined,
  ): Promise<KuzuEngine> {
    const marks = path === ':memory:' ? NO_MARKS : markBeforeOpen(path);
    // Kuzu's default buffer pool is 80% of the machine's memory: bounded here
    // so an embedded store never claims the host. (Its fixed cost — tables and
    // full-text indexes — comes on top: see `npm run bench`.)
    const database = new kuzu.Database(path, bufferPoolMb * 1024 * 1024);
    try {
      await database.init();
    } catch (error) {
      // Not opened (most often: a running server holds the lock, and the log is its own): not our mark to leave.
      if (marks.marked) rmSync(rebuildMarkPath(path), { force: true });
      // Opening is the one place Kuzu fails for reasons outside our code
      // (another process holds the lock, unreadable file): the store is unavailable.
      throw new StoreUnavailableError(`cannot open Kuzu database at ${path}: ${(error as Error).message}`);
    }
    if (path !== ':memory:' && (await recoverInterrupted(database, path, marks, log))) {
      return KuzuEngine.open(path, queries, bufferPoolMb, log);
    }
    const engine = new KuzuEngine(database, queries, path, log);
    engine.creating = marks.creating;
    return engine;
  }

  read(query: NamedQuery, params: Params, { deadline }: ReadOptions = {}): Promise<Row[]> {
    const lane = this.readers[this.nextReader++ % this.readers.length]!;
    const { skip, limit } = params;
    if (typeof skip === 'number' && skip > 0 && typeof limit === 'number' && isWindowable(query)) {
      const window = { ...params, skip: 0, limit: skip + limit };
      return lane.run(async () => (await this.untilDeadline(lane, query, window, deadline)).slice(skip));
    }
    return lane.run(() => this.untilDeadline(lane, query, params, deadline));
  }

  /**
   * A read on `lane` (held by the caller) that Kuzu interrupts at `deadline`.
   * Counted from when the lane is free, not from the call: time spent queued
   * behind another statement is the request's too. The connection keeps the
   * last timeout set, so it is put back for whatever runs on the lane next.
   */
  private async untilDeadline(
    lane: Lane,
    query: NamedQuery,
    params: Params,
    deadline: number | undefined,
  ): Promise<Row[]> {
    const left = msLeft(deadline, query.file);
    if (left === undefined) return this.execute(lane, query, params);
    // A closed connection's setter throws a native error: say unavailable, as execute would.
    if (this.closed) throw new StoreUnavailableError('Kuzu database is closed');
    lane.connection.setQueryTimeout(left);
    try {
      return await this.execute(lane, query, params);
    } catch (error) {
      throw pastDeadline(deadline) ? budgetSpent(query.file) : error;
    } finally {
      lane.connection.setQueryTimeout(NO_TIMEOUT_MS);
    }
  }

  write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const lane = this.writer;
    return lane.run(async () => {
      const result = await this.transaction(lane, work);
      // Flush the log now (see the header): if this fails the log stays, and the next open rebuilds the indexes.
      await this.raw(lane, 'CHECKPOINT').catch(() => undefined);
      return result;
    });
  }

  /** `work` in one transaction on `lane`, which the caller holds. */
  private async transaction<T>(lane: Lane, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    await this.raw(lane, 'BEGIN TRANSACTION');
    try {
      const result = await work({ run: (query, params) => this.execute(lane, query, params) });
      await this.raw(lane, 'COMMIT');
      return result;
    } catch (error) {
      await this.raw(lane, 'ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  async bulkLoad<T>(groups: Iterable<BulkGroup>, finish: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const lane = this.writer;
    const staging = stagingDir();
    try {
      // Staged before the schema is ensured: the loader's rows are on disk and
      // collected before Kuzu's tables and indexes take their memory (at 1000×
      // the two together were the load's peak).
      const { copies, bytes } = stageBulkLoad(groups, staging.dir);
      // COPY allocates natively, where V8 never looks: without a collection here the
      // rows of a large load, garbage now, would stay through the COPY.
      if (bytes >= RELEASE_AFTER_BYTES) releaseGarbage();
      tracePhase('csv staging');
      await this.ensureSchema();
      tracePhase('ensureSchema');
      // COPY commits table by table: a process killed half-way would leave a partial
      // graph that no longer looks empty, so nothing would reseed it. The mark, removed
      // only after the final checkpoint, tells the next open to empty the store again.
      // Written after ensureSchema, which removes a new store's mark once its schema is made.
      const mark = this.path === ':memory:' ? undefined : incompleteMarkPath(this.path);
      if (mark) writeFileSync(mark, 'bulk load in progress\n');
      const result = await lane.run(async () => {
        // Full-text indexes are rebuilt once at the end: kept during COPY, they
        // made each node table's copy 5-10 times slower (measured at 100×).
        for (const index of this.searchIndexes(await this.indexNames(lane))) {
          if (index.exists) await this.raw(lane, `CALL DROP_FTS_INDEX('${index.table}', '${index.name}')`);
        }
        tracePhase('drop fts');
        let finished: T;
        try {
          for (const copy of copies) {
            await this.raw(lane, copy);
            tracePhase(`copy ${/^COPY (\w+)/.exec(copy)?.[1]}`);
          }
          finished = await this.transaction(lane, finish);
          tracePhase('finish');
        } catch (error) {
          // The store was empty: emptying it again is the rollback (see bulk.ts).
          await this.raw(lane, this.queries.get('load/reset').text);
          throw error;
        } finally {
          await this.createMissingIndexes(lane);
          tracePhase('fts create');
        }
        // As after every write (see the header): leave nothing for a replay that would skip the indexes.
        await this.raw(lane, 'CHECKPOINT').catch(() => undefined);
        tracePhase('checkpoint');
        return finished;
      });
      if (mark) rmSync(mark, { force: true });
      return result;
    } finally {
      staging.done();
    }
  }

  async ensureSchema(): Promise<void> {
    const schema = this.queries.get('schema');
    await this.writer.run(async () => {
      for (const statement of statements(schema)) await this.raw(this.writer, statement);
      const existing = await this.indexNames(this.writer);
      const retired = this.retiredIndexes(existing);
      const missing = this.searchIndexes(existing).filter((index) => !index.exists);
      if (retired.length + missing.length > 0) {
        await this.withIndexBackup(this.writer, async () => {
          for (const index of retired) {
            this.log(`dropping the full-text index ${index.name}, which this version no longer reads`);
            await this.raw(this.writer, index.statement);
          }
          for (const index of missing) await this.raw(this.writer, index.statement);
        });
      }
      if (this.creating) await this.raw(this.writer, 'CHECKPOINT');
    });
    if (this.creating) {
      rmSync(incompleteMarkPath(this.path), { force: true });
      this.creating = false;
    }
    if (this.path !== ':memory:' && existsSync(rebuildMarkPath(this.path))) {
      this.log('Kuzu replayed its write-ahead log (unclean stop): rebuilding the full-text indexes');
      await this.rebuildSearchIndexes();
    }
  }

  /** Drops and recreates every full-text index from the tables, then checkpoints. */
  async rebuildSearchIndexes(): Promise<void> {
    const drops = this.queries.get('search/drop-indexes');
    const creates = this.queries.get('search/indexes');
    await this.writer.run(async () => {
      const existing = await this.indexNames(this.writer);
      await this.withIndexBackup(this.writer, async () => {
        for (const statement of statements(drops)) {
          if (existing.has(ftsIndexName(drops, statement))) await this.raw(this.writer, statement);
        }
        for (const statement of statements(creates)) await this.raw(this.writer, statement);
      });
    });
    if (this.path !== ':memory:') rmSync(rebuildMarkPath(this.path), { force: true });
  }

  /** The names of the full-text indexes the store holds (search/index-names). */
  private async indexNames(lane: Lane): Promise<ReadonlySet<string>> {
    const rows = await this.raw(lane, this.queries.get('search/index-names').text);
    return new Set(rows.map((r) => String(r.name)));
  }

  /** The full-text indexes search/indexes.cypher declares, and whether each is in `existing`. */
  private searchIndexes(
    existing: ReadonlySet<string>,
  ): { table: string; name: string; statement: string; exists: boolean }[] {
    const indexes = this.queries.get('search/indexes');
    return statements(indexes).map((statement) => {
      const m = /CREATE_FTS_INDEX\(\s*'([^']+)'\s*,\s*'([^']+)'/.exec(statement);
      if (!m) throw new StoreError(`${indexes.file}: cannot read the index name of: ${statement}`);
      return { table: m[1]!, name: m[2]!, statement, exists: existing.has(m[2]!) };
    });
  }

  /**
   * The indexes search/drop-indexes names, search/indexes no longer declares
   * (an earlier version's) and the store holds, with the statement dropping
   * each: a store keeps only the indexes queries read, which loads maintain.
   */
  private retiredIndexes(existing: ReadonlySet<string>): { name: string; statement: string }[] {
    const drops = this.queries.get('search/drop-indexes');
    const declared = new Set(this.searchIndexes(existing).map((index) => index.name));
    return statements(drops)
      .map((statement) => ({ name: ftsIndexName(drops, statement), statement }))
      .filter((index) => existing.has(index.name) && !declared.has(index.name));
  }

  /**
   * Runs index work on `lane` with a copy of the checkpointed store beside it,
   * removed once the work is checkpointed in turn (see the header). A new
   * store needs none: its incomplete-mark empties it if its process dies.
   */
  private async withIndexBackup(lane: Lane, work: () => Promise<void>): Promise<void> {
    if (this.path === ':memory:' || this.creating) {
      await work();
      return;
    }
    const backup = indexBackupPath(this.path);
    await this.raw(lane, 'CHECKPOINT');
    // Copied under another name first: a copy cut short must never be taken for a backup.
    copyFileSync(this.path, `${backup}.partial`);
    renameSync(`${backup}.partial`, backup);
    await work();
    await this.raw(lane, 'CHECKPOINT');
    rmSync(backup, { force: true });
  }

  /** CREATE_FTS_INDEX has no IF NOT EXISTS: create only the indexes SHOW_INDEXES does not list. */
  private async createMissingIndexes(lane: Lane): Promise<void> {
    for (const index of this.searchIndexes(await this.indexNames(lane))) {
      if (!index.exists) await this.raw(lane, index.statement);
    }
  }

  async ping(): Promise<void> {
    if (this.closed) throw new StoreUnavailableError('Kuzu database is closed');
    // Kuzu keeps serving from open files and its buffer pool after the data
    // directory is deleted, and would lose everything at the next restart.
    if (this.path !== ':memory:' && !existsSync(this.path)) {
      throw new StoreUnavailableError(`Kuzu database file ${this.path} is gone`);
    }
    const lane = this.readers[0]!;
    await lane.run(() => this.raw(lane, 'RETURN 1 AS ok'));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const lanes = [...this.readers, this.writer];
    await Promise.all(lanes.map((lane) => lane.run(async () => undefined)));
    for (const lane of lanes) await lane.connection.close();
    await this.database.close();
  }

  private async execute(lane: Lane, query: NamedQuery, params: Params): Promise<Row[]> {
    if (this.closed) throw new StoreUnavailableError('Kuzu database is closed');
    const bound = bindParams(query, boundParams(query, params));
    let statement = lane.prepared.get(query.name);
    if (!statement) {
      statement = await lane.connection.prepare(query.text);
      if (!statement.isSuccess()) {
        throw new StoreError(`Kuzu cannot prepare ${query.file}: ${statement.getErrorMessage()}`);
      }
      lane.prepared.set(query.name, statement);
    }
    try {
      return rowsOf(await lane.connection.execute(statement, bound));
    } catch (error) {
      throw new StoreError(`Kuzu failed on ${query.file}: ${(error as Error).message}`);
    }
  }

  private async raw(lane: Lane, text: string): Promise<Row[]> {
    try {
      return rowsOf(await lane.connection.query(text));
    } catch (error) {
      throw new StoreError(`Kuzu failed on "${text.slice(0, 60)}": ${(error as Error).message}`);
    }
  }
}

/** Kuzu's write-ahead log beside the database file. */
export const walPath = (path: string) => `${path}.wal`;
/** Present while the full-text indexes may miss writes replayed from the log. */
export const rebuildMarkPath = (path: string) => `${path}.search-rebuild`;
/** The store as it was before index work on it, present until that work is checkpointed (see withIndexBackup). */
export const indexBackupPath = (path: string) => `${path}.before-index-work`;
/** Present while a new store is created, and while a bulk load into an empty store runs (see open, bulkLoad). */
export const incompleteMarkPath = (path: string) => `${path}.incomplete`;

export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** The index name in a `CALL CREATE_FTS_INDEX('Table', 'name', …)` or DROP_FTS_INDEX statement. */
function ftsIndexName(query: NamedQuery, statement: string): string {
  const name = /_FTS_INDEX\(\s*'[^']+'\s*,\s*'([^']+)'/.exec(statement)?.[1];
  if (!name) throw new StoreError(`${query.file}: cannot read the index name of: ${statement}`);
  return name;
}

function bindParams(query: NamedQuery, params: Params): Record<string, KuzuValue> {
  const out: Record<string, KuzuValue> = {};
  for (const [key, value] of Object.entries(params)) {
    if (query.listParams.includes(key) && (!Array.isArray(value) || value.length === 0)) {
      throw new StoreError(
        `query ${query.name}: $${key} must be a non-empty list (got ${JSON.stringify(value)})`,
      );
    }
    out[key] = Array.isArray(value) && value.length === 0 ? null : (value as KuzuValue);
  }
  return out;
}

/**
 * All rows at once with getAllSync: the binding's async getAll fetches row by
 * row through the thread pool, which measured ~20 % of the main thread on
 * nested pages; the synchronous call copies the already-computed result in one go.
 */
function rowsOf(result: QueryResult | QueryResult[]): Row[] {
  const results = Array.isArray(result) ? result : [result];
  const rows: Row[] = [];
  for (const r of results) {
    for (const row of r.getAllSync()) rows.push(mapRow(row, fromKuzu));
    r.close();
  }
  return rows;
}

/** Kuzu value → port value: BigInt to number, DATE to `YYYY-MM-DD`, node/rel objects to StoredNode/StoredRel. */
function fromKuzu(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return toSafeNumber(value, 'a Kuzu result');
  // util.types.isDate, not instanceof: the native addon's Date may come from another realm (Jest's VM).
  if (types.isDate(value)) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(fromKuzu);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('_nodes' in v && '_rels' in v) {
      return { nodes: (v._nodes as unknown[]).map(fromKuzu), rels: (v._rels as unknown[]).map(fromKuzu) };
    }
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(v)) {
      if (key.startsWith('_')) continue;
      out[key] = fromKuzu(inner);
    }
    if ('_src' in v && '_dst' in v) return { ...out, __type: v._label };
    if ('_label' in v && '_id' in v) return { ...out, __label: v._label };
    return out;
  }
  return value;
}
