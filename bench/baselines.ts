/**
 * The hand-written baselines of R2 (issue #9): one Cypher statement per page
 * (bench/cypher/*.cypher, or an engine's own in bench/cypher/<engine>/ where
 * its dialect allows a cheaper one) returning the same data as a GraphQL query, timed in
 * process on a running service's own engine, so the ratio to the HTTP p50
 * isolates what GraphQL, DataLoader and extra statements add. Shared by
 * bench/bench.ts (Kuzu at 1×) and bench/engines.ts (each engine, real data).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths';
import type { Engine, EngineName } from '../src/store/engine';
import type { NamedQuery } from '../src/store/queries';

/** The baseline files and their parameters, by the page they stand for. */
export const BASELINES = {
  dashboard: ['talks-page', {}],
  edition: ['edition-page', { id: 'edition:kubecon-eu-2019' }],
  links: ['links-matrix', {}],
} as const satisfies Record<string, readonly [string, Record<string, string>]>;

export type BaselineName = keyof typeof BASELINES;

/** A baseline's statement on `engine`, as the adapters take a named query, and its parameters. */
export function baselineQuery(
  name: BaselineName,
  engine: EngineName,
): { query: NamedQuery; params: Record<string, string> } {
  const [file, params] = BASELINES[name];
  const dir = join(PROJECT_ROOT, 'bench', 'cypher');
  const own = join(dir, engine, `${file}.cypher`);
  const text = readFileSync(existsSync(own) ? own : join(dir, `${file}.cypher`), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('//'))
    .join('\n');
  return {
    query: { name: `bench/${file}`, file, text, params: Object.keys(params), listParams: [] },
    params,
  };
}

/**
 * A baseline statement ready to run: each call runs it once on `engine` and gives
 * its time in ms. The bench runs it between the HTTP requests it stands beside,
 * so both see the same machine and the same warmed-up engine.
 */
export function baselineTimer(engine: Engine, name: BaselineName): () => Promise<number> {
  const { query, params } = baselineQuery(name, engine.name);
  return async () => {
    const t = performance.now();
    await engine.read(query, params);
    return performance.now() - t;
  };
}
