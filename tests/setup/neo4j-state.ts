/** The Neo4j server this Jest run launched, shared by global setup and teardown (same process). */
import type { RunningNeo4j } from '../../src/store/neo4j/launcher';

interface Launched {
  server: RunningNeo4j;
  home: string;
}

const KEY = Symbol.for('recap-graph.test-neo4j');
type Holder = { [KEY]?: Launched };

export function setLaunchedNeo4j(server: RunningNeo4j, home: string): void {
  (globalThis as Holder)[KEY] = { server, home };
}

export function takeLaunchedNeo4j(): Launched | undefined {
  const launched = (globalThis as Holder)[KEY];
  delete (globalThis as Holder)[KEY];
  return launched;
}
