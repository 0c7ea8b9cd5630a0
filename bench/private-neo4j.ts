/**
 * A private Neo4j 5.26 for a benchmark: launched from neo4j/ (src/store/neo4j/launcher.ts)
 * in a temporary home on a free loopback port with a random password, or
 * undefined when Java or Maven is missing. `stop()` stops it and removes its home.
 * Used by bench/engines.ts (the query set) and bench/bench.ts (the 100× load).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureLauncherBuilt,
  javaToolsAvailable,
  startNeo4j,
  type LauncherOptions,
  type RunningNeo4j,
} from '../src/store/neo4j/launcher';

export interface PrivateNeo4j {
  server: RunningNeo4j;
  uri: string;
  password: string;
  stop(): Promise<void>;
}

export async function launchPrivateNeo4j(
  options: Omit<LauncherOptions, 'home' | 'port' | 'password'> = {},
): Promise<PrivateNeo4j | undefined> {
  if (!javaToolsAvailable().ok) return undefined;
  ensureLauncherBuilt((line) => console.error(line));
  const home = mkdtempSync(join(tmpdir(), 'recap-graph-bench-neo4j-'));
  const password = randomBytes(12).toString('hex');
  let server: RunningNeo4j;
  try {
    server = await startNeo4j({ ...options, home, port: 0, password });
  } catch (error) {
    rmSync(home, { recursive: true, force: true });
    throw error;
  }
  return {
    server,
    uri: server.uri,
    password,
    stop: async () => {
      await server.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
