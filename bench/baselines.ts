/**
 * The hand-written baselines of R2 (issue #9): one Cypher statement per page
 * (bench/cypher/*.cypher) returning the same data as a GraphQL query, timed in
 * process on a running service's own engine, so the ratio to the HTTP p50
 * isolates what GraphQL, DataLoader and extra statements add. Shared by
 * bench/bench.ts (Kuzu at 1×) and bench/engines.ts (each engine, real data).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths';
import type { Engine } from '../src/store/engine';
import type { NamedQuery } from '../src/store/queries';

/** The baseline files and their parameters, by the page they stand for. */
export const BASELINES = {
  dashboard: ['talks-page', {}],
  edition: ['edition-page', { id: 'edition:kubecon-eu-2019' }],
  links: ['links-matrix', {}],
} as const satisfies Record<string, readonly [string, Record<string, string>]>;

export type BaselineName = keyof typeof BASELINES;

/** p50 of one baseline statement over `iterations` runs (after one warm-up), in ms. */
export async function baselineP50(engine: Engine, name: BaselineName, iterations: number): Promise<number> {
  const [file, params] = BASELINES[name];
  const text = readFileSync(join(PROJECT_ROOT, 'bench', 'cypher', `${file}.cypher`), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('//'))
    .join('\n');
  const query: NamedQuery = {
    name: `bench/${file}`,
    file,
    text,
    params: Object.keys(params),
    listParams: [],
  };
  await engine.read(query, params);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await engine.read(query, params);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.ceil(times.length / 2) - 1]!;
}
