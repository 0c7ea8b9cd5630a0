/**
 * Loading: validate a fixture directory, then write it all or not at all.
 * Invalid data writes nothing; loading the same data twice leaves the same
 * graph (every write is a MERGE, or a bulk copy into an empty store).
 *
 * Two ways to write:
 * - into an empty store, on an engine with a bulk path (Kuzu's COPY), that
 *   path: it leaves the store empty again if it fails;
 * - otherwise one transaction of batched `UNWIND $rows … MERGE` statements,
 *   BATCH_ROWS rows each, rolled back as a whole on failure, ending with the
 *   editions' counts and the link summaries of the graph it leaves (which
 *   holds more than these fixtures when the store held another graph).
 */
import type { Engine } from '../store/engine';
import type { QueryRegistry } from '../store/queries';
import { readFixtureDir } from './fixtures';
import { formatProblem, validate, type Problem } from './validate';
import { planLoad, type LoadPlan, type PlanRow, type WriteGroup } from './plan';
import { batches } from './batches';
import { relink } from './relink';
import { recard } from './recard';
import { prune, Written } from './prune';
import { lockLoads, stampLoad } from './stamp';
import { storeEditionStats } from './editions';
import { bumpGraphVersion } from '../store/version';
import { tracePhase } from './trace';
import { collectIfGrown } from './memory';

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

export interface LoadReport {
  /**
   * Statements run: one per batch, or one COPY per table on the bulk path; plus
   * the editions' counts and ranks (three statements at up to 5,000 editions:
   * ./editions.ts), on the batched path the load lock, relink's and recard's
   * reads and writes (and a Neo4j reset's two prunes), and the load stamp (./stamp.ts).
   */
  statements: number;
  /**
   * Records the load stands for: the fixtures' nodes and relationships, and the
   * link summaries and pages of the graph it leaves (the same number on both
   * paths; a batched reload counts the summaries even when relink rewrites none).
   */
  records: number;
  /** Which write path ran. */
  mode: 'bulk' | 'batched';
  warnings: Problem[];
  counts: GraphCounts;
}

/** Thrown when fixtures are invalid; `problems` holds every error found, not just the first. */
export class FixtureError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `fixtures are invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'FixtureError';
  }
}

export async function loadFixtures(
  engine: Engine,
  queries: QueryRegistry,
  dir: string,
  options: { reset?: boolean; maxFileBytes?: number } = {},
): Promise<LoadReport> {
  return loadPrepared(engine, queries, prepareLoad(dir, options.maxFileBytes), options);
}

/** Fixtures read, validated and planned, not yet written (prepareLoad). */
export interface PreparedLoad {
  readonly plan: LoadPlan;
  readonly warnings: Problem[];
}

/** The last load started through each engine object, settled or not. */
const loading = new WeakMap<Engine, Promise<unknown>>();

/**
 * Writes a load prepareLoad made: for a caller that validates before it opens
 * the store (src/load/cli.ts), so invalid fixtures never create a store.
 * Loads through one engine object run one at a time: two into an empty Kuzu
 * store both took the bulk path, and the failing one's rollback (emptying the
 * store) erased the other's completed graph.
 */
export async function loadPrepared(
  engine: Engine,
  queries: QueryRegistry,
  { plan, warnings }: PreparedLoad,
  options: { reset?: boolean } = {},
): Promise<LoadReport> {
  const previous = loading.get(engine) ?? Promise.resolve();
  const mine = previous
    .catch(() => undefined)
    .then(() => loadExclusive(engine, queries, plan, warnings, options));
  loading.set(
    engine,
    mine.catch(() => undefined),
  );
  return mine;
}

/** loadPrepared's work, alone among the loads through `engine`. */
async function loadExclusive(
  engine: Engine,
  queries: QueryRegistry,
  plan: LoadPlan,
  warnings: Problem[],
  options: { reset?: boolean },
): Promise<LoadReport> {
  // Asked before the schema is ensured (the bulk path ensures it after staging its rows):
  // a store without tables has no nodes either.
  const bulk = engine.bulkLoad && (await isEmpty(engine, queries));
  let tally: Tally;
  try {
    tally = bulk
      ? await writeBulk(engine, queries, plan)
      : await writeBatched(engine, queries, plan, options.reset === true);
  } finally {
    // Every completed load is a new graph: caches keyed by the version stop answering. So is a
    // failed one: its commit may have landed before the failure was reported (its stamp, noted as
    // this engine's own, is then left by the watcher), and a failed bulk load copied tables and
    // emptied them again; what was derived meanwhile must go.
    bumpGraphVersion(engine);
  }
  tracePhase('write');
  const counts = await graphCounts(engine, queries);
  tracePhase('counts');
  return { ...tally, mode: bulk ? 'bulk' : 'batched', warnings, counts };
}

/** What a write path ran and wrote (LoadReport's statements and records). */
interface Tally {
  statements: number;
  records: number;
}

/** Counts the groups and records of `source` as they are taken (the plan is lazy). */
function* counted(source: Iterable<WriteGroup>, tally: Tally & { groups: number }): Generator<WriteGroup> {
  for (const group of source) {
    tally.groups++;
    tally.records += group.rows.length;
    yield group;
  }
}

/**
 * Into an empty store: one COPY per group (the plan's link summaries included),
 * then, in one transaction, the editions' counts and ranks and the load stamp.
 * The editions' figures come from the graph the writes leave, not from the fixtures.
 */
async function writeBulk(engine: Engine, queries: QueryRegistry, plan: LoadPlan): Promise<Tally> {
  const tally = { statements: 0, records: 0, groups: 0 };
  const finishing = await engine.bulkLoad!(
    counted(plan.consume(), tally),
    // Into an empty store, the plan's own summaries and cards are the graph's.
    async (tx) => (await storeEditionStats(tx, queries)) + (await stampLoad(engine, tx, queries, true)),
  );
  return { statements: tally.groups + finishing, records: tally.records };
}

/**
 * One transaction of batched MERGEs over whatever the store holds, under the
 * load lock; then the editions' figures, the link summaries and talk cards of
 * the graph it leaves, and the stamp.
 */
async function writeBatched(
  engine: Engine,
  queries: QueryRegistry,
  plan: LoadPlan,
  reset: boolean,
): Promise<Tally> {
  await engine.ensureSchema();
  tracePhase('ensureSchema');
  return engine.write(async (tx) => {
    // This may run more than once (a retried transaction): each run writes, and counts, the whole plan.
    const tally = { statements: 0, records: 0, groups: 0 };
    // First: another process's load into the same Neo4j waits for this one's commit, and this
    // one for its (./stamp.ts), so each derives below from the other's whole graph.
    tally.statements += await lockLoads(tx, queries);
    // A reset writes over the stored graph, then deletes what it did not write, where the
    // engine can (./prune.ts); elsewhere it empties the store first.
    const pruning = reset && queries.has('load/prune-nodes');
    if (reset && !pruning) await tx.run(queries.get('load/reset'), {});
    const written = pruning ? new Written() : undefined;
    // Emptied in this transaction: the records are the whole graph, and the derivations
    // read them rather than the store (Kuzu 0.11.3 reads wrong neighbours then: see recard).
    const records = reset && !pruning ? new Map<string, PlanRow[]>() : undefined;
    for (const group of counted(plan.records(), tally)) {
      written?.add(group);
      // One group per query (plan.records()).
      records?.set(group.query, group.rows);
      for (const rows of batches(group)) {
        await tx.run(queries.get(group.query), { rows });
        tally.statements++;
      }
    }
    if (written) tally.statements += await prune(tx, queries, written);
    tally.statements += await storeEditionStats(tx, queries);
    // The link summaries of the graph these writes leave, which may hold more than these fixtures.
    const graph = records && ((query: string) => records.get(query) ?? []);
    const relinked = await relink(tx, queries, graph);
    tally.statements += relinked.statements;
    tally.records += relinked.links + relinked.pages;
    // And the talk cards of that graph (a card names people and companies other loads may have written).
    tally.statements += (await recard(tx, queries, graph)).statements;
    tally.statements += await stampLoad(engine, tx, queries, true);
    return { statements: tally.statements, records: tally.records };
  });
}

/**
 * Reads and validates a fixture directory, and returns its (lazy) plan; throws
 * FixtureError when one problem is an error. Its own function so that nothing
 * but the plan holds the parsed fixtures: the plan lets them go once it no
 * longer needs them (see plan/index.ts). A plan is written once.
 */
export function prepareLoad(dir: string, maxFileBytes?: number): PreparedLoad {
  tracePhase('start');
  const raw = readFixtureDir(dir, maxFileBytes);
  // The file texts are garbage once parsed; only the parsed records are left.
  collectIfGrown();
  tracePhase('read+parse');
  const result = validate(raw);
  // What validation built to check (copies, paths) is garbage now.
  collectIfGrown();
  tracePhase('validate');
  if (!result.fixtures) throw new FixtureError(result.errors);
  return { plan: planLoad(result.fixtures), warnings: result.warnings };
}

export async function graphCounts(engine: Engine, queries: QueryRegistry): Promise<GraphCounts> {
  const toRecord = (rows: readonly Record<string, unknown>[]) =>
    Object.fromEntries(
      rows
        .map((r) => [String(r.name), Number(r.count)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  return {
    nodes: toRecord(await engine.read(queries.get('stats/nodes'), {})),
    relationships: toRecord(await engine.read(queries.get('stats/relationships'), {})),
  };
}

/** True when the store holds no node at all: the signal to seed on first start. */
export async function isEmpty(engine: Engine, queries: QueryRegistry): Promise<boolean> {
  const counts = await engine.read(queries.get('stats/nodes'), {});
  return counts.every((r) => Number(r.count) === 0);
}
