/**
 * Runs a compiled bench script (./load-scale.ts) in a process of its
 * own, so its peak RSS is its own, with the malloc arenas `npm run load` runs with.
 * Shared by bench/bench.ts and bench/neo4j-scale.ts.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The malloc arenas `npm run load` runs with (package.json): with glibc's default, Kuzu's COPY and
 * index threads each allocate in an arena of their own and do not reuse what another freed (a 1000×
 * load peaked at 889–940 MiB, 837–842 MiB with two). glibc reads it at process start only.
 */
const LOAD_MALLOC_ARENAS = process.env.MALLOC_ARENA_MAX ?? '2';

/** Runs a bench script in its own process; its last stdout line is its JSON result. On Kuzu unless `env` names a Neo4j. */
export function child(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Record<string, unknown> {
  const out = execFileSync(process.execPath, [join(__dirname, script), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: '', MALLOC_ARENA_MAX: LOAD_MALLOC_ARENAS, ...env },
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}
