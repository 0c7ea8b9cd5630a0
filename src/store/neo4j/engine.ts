/**
 * Neo4j adapter: the production engine, used when NEO4J_URI is set
 * (neo4j-driver 6; Neo4j 5.26 LTS or later; `neo4j://` routing works for a
 * cluster or Aura, `bolt://` for one server).
 *
 * Reads run as auto-commit queries in read sessions (routed to followers in
 * a cluster), retried here on the errors the driver itself calls retryable:
 * a managed read transaction adds a BEGIN and a COMMIT to every statement,
 * which measured 25–35 % of a page statement's time on localhost (1.7 against
 * 1.3 ms), and a read is safe to run twice. Each read's transaction timeout is
 * the time its request has left (../budget.ts). Writes run in one explicit write
 * transaction, retried here the same way: the driver's managed transactions
 * retry every error Neo4j calls transient, a transaction over the memory
 * limit included, which fails the same way every time (a load ran three
 * times before it failed). Driver errors are mapped by their `code`, never
 * their text.
 *
 * Through a routing URI (`neo4j://`, `neo4j+s://`: a cluster or Aura), every
 * session of an engine shares one bookmark manager, so its transactions are
 * causally chained: a read that follows a load or a backfill made through this
 * engine waits for a follower that has it, instead of answering from one that
 * does not yet (the version the load bumped would then file that older answer
 * under the new graph). A `bolt://` URI names one server, where every read
 * sees every commit: there bookmarks would only cost each statement about
 * 0.1–0.2 ms (measured on localhost, 1.58 against 1.70 ms p50).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j from 'neo4j-driver';
import type { BookmarkManager, Driver, ManagedTransaction, QueryResult } from 'neo4j-driver';
import type { Engine, Params, ReadOptions, Row, WriteTransaction } from '../engine';
import { budgetSpent, msLeft } from '../budget';
import type { NamedQuery, QueryRegistry } from '../queries';
import { boundParams, statements } from '../queries';
import { mapRow, toSafeNumber } from '../normalize';
import { RecapError, StoreError, StoreUnavailableError } from '../../errors';

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

/** Codes that mean "the database is not there for us right now", as opposed to a fault in our query. */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
]);

/**
 * Codes of a transaction that needs more memory than the server lets one have.
 * Neo4j calls them transient, but the same statement fails the same way every
 * time: they are reported as such, never retried, and never called "unavailable".
 */
const MEMORY_LIMIT_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.OutOfMemoryError',
]);

const isMemoryLimit = (error: unknown): boolean =>
  MEMORY_LIMIT_CODES.has(String((error as { code?: unknown } | null)?.code));

/**
 * Codes of a transaction the server ended at its timeout: a read given the
 * request's time left (ReadOptions.deadline) that ran out of it.
 */
const TIMED_OUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** How long a read or a write keeps retrying a retryable failure (the driver's own default is 30 s). */
const RETRY_MS = 5_000;
/** First pause between attempts, doubled each time with jitter (the driver's own scheme). */
const RETRY_FIRST_DELAY_MS = 100;

export function mapNeo4jError(error: unknown, what: string): RecapError {
  if (error instanceof RecapError) return error;
  const code = (error as { code?: unknown }).code;
  if (TIMED_OUT_CODES.has(String(code))) return budgetSpent(what);
  const message = (error as Error).message ?? String(error);
  if (isMemoryLimit(error)) {
    return new StoreError(
      `Neo4j ran out of memory for ${what} (${String(code)}): raise the server's transaction memory ` +
        'limit (db.memory.transaction.max; the launcher in neo4j/ takes --tx-memory-mb) or its heap',
      { code },
    );
  }
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.'))) {
    return new StoreUnavailableError(`Neo4j unavailable during ${what} (${code})`, { code });
  }
  return new StoreError(`Neo4j failed on ${what}: ${message}`, { code });
}

export class Neo4jEngine implements Engine {
  readonly name = 'neo4j' as const;
  readonly countsApart = false;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly queries: QueryRegistry,
    /** The bookmarks of the transactions this engine ran, through a routing URI (see the header). */
    readonly bookmarks: BookmarkManager | undefined,
  ) {}

  static open(settings: Neo4jSettings, queries: QueryRegistry): Neo4jEngine {
    const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      disableLosslessIntegers: false,
      userAgent: 'recap-graph',
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: 10_000,
    });
    const routing = /^neo4j(\+s|\+ssc)?:/i.test(settings.uri);
    return new Neo4jEngine(driver, settings.database, queries, routing ? neo4j.bookmarkManager() : undefined);
  }

  async read(query: NamedQuery, params: Params, { deadline }: ReadOptions = {}): Promise<Row[]> {
    const sent = toNeo4jParams(boundParams(query, params));
    try {
      return await retryTransient(
        async () => {
          // The server ends the transaction when the request's budget runs out (TIMED_OUT_CODES).
          const timeout = msLeft(deadline, query.file);
          const session = this.driver.session({
            database: this.database,
            defaultAccessMode: neo4j.session.READ,
            bookmarkManager: this.bookmarks,
          });
          try {
            return toRows(await session.run(query.text, sent, timeout === undefined ? {} : { timeout }));
          } finally {
            await session.close();
          }
        },
        deadline === undefined ? RETRY_MS : Math.min(RETRY_MS, deadline - performance.now()),
      );
    } catch (error) {
      throw mapNeo4jError(error, query.file);
    }
  }

  async write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    try {
      return await retryTransient(async () => {
        const session = this.driver.session({
          database: this.database,
          defaultAccessMode: neo4j.session.WRITE,
          bookmarkManager: this.bookmarks,
        });
        try {
          const tx = session.beginTransaction();
          try {
            const result = await work({
              run: (query, params) => run(tx, query, boundParams(query, params)),
            });
            await tx.commit();
            return result;
          } catch (error) {
            if (tx.isOpen()) await tx.rollback().catch(() => undefined);
            throw error;
          }
        } finally {
          await session.close();
        }
      });
    } catch (error) {
      throw mapNeo4jError(error, 'a write transaction');
    }
  }

  async ensureSchema(): Promise<void> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    try {
      // Schema statements cannot share a transaction with each other in Neo4j: one auto-commit each.
      for (const statement of statements(this.queries.get('schema'))) await session.run(statement);
    } catch (error) {
      throw mapNeo4jError(error, 'schema setup');
    } finally {
      await session.close();
    }
  }

  async ping(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (error) {
      const mapped = mapNeo4jError(error, 'ping');
      throw mapped instanceof StoreUnavailableError ? mapped : new StoreUnavailableError(mapped.message);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

async function run(tx: Pick<ManagedTransaction, 'run'>, query: NamedQuery, params: Params): Promise<Row[]> {
  return toRows(await tx.run(query.text, toNeo4jParams(params)));
}

function toRows(result: QueryResult): Row[] {
  return result.records.map((record) => mapRow(record.toObject(), fromNeo4j));
}

/**
 * Runs a read, or a whole write transaction, until it succeeds, fails with an
 * error the driver does not call retryable (a syntax error, bad credentials…)
 * or one over the memory limit, or RETRY_MS is spent. Exported for its test,
 * which feeds it scripted failures.
 */
export async function retryTransient<T>(attempt: () => Promise<T>, budgetMs = RETRY_MS): Promise<T> {
  const deadline = performance.now() + budgetMs;
  for (let delay = RETRY_FIRST_DELAY_MS; ; delay *= 2) {
    try {
      return await attempt();
    } catch (error) {
      const pause = delay * (0.8 + Math.random() * 0.4);
      const hopeless = !neo4j.isRetryableError(error) || isMemoryLimit(error);
      if (hopeless || performance.now() + pause > deadline) throw error;
      await sleep(pause);
    }
  }
}

/**
 * JavaScript numbers reach Neo4j as floats, which `SKIP`/`LIMIT` and integer
 * properties refuse: whole numbers are sent as Neo4j integers.
 */
export function toNeo4jParams(params: Params): Record<string, unknown> {
  // Rows of a batched write (`UNWIND $rows`) are plain objects: their numbers need the same care.
  const toValue = (v: unknown): unknown =>
    typeof v === 'number' && Number.isInteger(v)
      ? neo4j.int(v)
      : Array.isArray(v)
        ? v.map(toValue)
        : v !== null && typeof v === 'object'
          ? mapRow(v as Record<string, unknown>, toValue)
          : v;
  return mapRow(params, toValue);
}

/** Neo4j value → port value: Integer to number, temporal to ISO string, Node/Relationship/Path to plain objects. */
export function fromNeo4j(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings: the driver's type guards below cost a property walk each.
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) return toSafeNumber(BigInt(value.toString()), 'a Neo4j result');
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value)) return value.toString();
  if (neo4j.isNode(value)) return { ...mapRow(value.properties, fromNeo4j), __label: value.labels[0] ?? '' };
  if (neo4j.isRelationship(value)) return { ...mapRow(value.properties, fromNeo4j), __type: value.type };
  if (neo4j.isPath(value)) {
    const nodes = [value.start, ...value.segments.map((s) => s.end)].map(fromNeo4j);
    return { nodes, rels: value.segments.map((s) => fromNeo4j(s.relationship)) };
  }
  if (Array.isArray(value)) return value.map(fromNeo4j);
  return mapRow(value as Record<string, unknown>, fromNeo4j);
}
