/**
 * Loading: validate a fixture directory, then write it in one transaction.
 * Invalid data writes nothing; a failure mid-write rolls everything back;
 * loading the same data twice leaves the same graph (every write is a MERGE).
 */
import type { Engine } from '../store/engine';
import type { QueryRegistry } from '../store/queries';
import { readFixtureDir } from './fixtures';
import { formatProblem, validate, type Problem } from './validate';
import { planLoad } from './plan';
import { forgetVocabulary } from '../search/vocabulary';

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

export interface LoadReport {
  statements: number;
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
  options: { reset?: boolean } = {},
): Promise<LoadReport> {
  const result = validate(readFixtureDir(dir));
  if (!result.fixtures) throw new FixtureError(result.errors);
  const plan = planLoad(result.fixtures);
  await engine.ensureSchema();
  await engine.write(async (tx) => {
    if (options.reset) await tx.run(queries.get('load/reset'), {});
    for (const statement of plan) await tx.run(queries.get(statement.query), statement.params);
  });
  forgetVocabulary(engine);
  return { statements: plan.length, warnings: result.warnings, counts: await graphCounts(engine, queries) };
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
