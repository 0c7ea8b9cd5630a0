/**
 * The engines a contract suite runs against: Kuzu always (in a temp
 * directory), Neo4j when NEO4J_URI is set. When it is not, the Neo4j
 * variant is registered as skipped and says so on the console, so a green
 * run never hides that Neo4j was not exercised.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config';
import type { EngineName } from '../../src/store/engine';
import { openStore, type Store } from '../../src/store/open';

export const MINI_FIXTURES = join(__dirname, '..', 'fixtures', 'mini');

export interface EngineCase {
  name: EngineName;
  /** Opens a fresh, empty store of this engine. */
  open(): Promise<{ store: Store; cleanup(): Promise<void> }>;
}

const kuzuCase: EngineCase = {
  name: 'kuzu',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'recap-graph-test-'));
    const store = await openStore({ dataDir: dir, neo4j: undefined });
    return {
      store,
      async cleanup() {
        await store.engine.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const neo4jCase: EngineCase = {
  name: 'neo4j',
  async open() {
    const config = readConfig();
    const store = await openStore(config);
    await store.engine.ensureSchema();
    // Neo4j tests share one database: start each from an empty graph.
    await store.engine.write((tx) => tx.run(store.queries.get('load/reset'), {}));
    return { store, cleanup: () => store.engine.close() };
  },
};

export const NEO4J_ENABLED = Boolean(process.env.NEO4J_URI);

let warned = false;
/** `describe` per engine; the Neo4j one is `describe.skip` (with a console notice) without NEO4J_URI. */
export function describeEachEngine(title: string, body: (engine: EngineCase) => void): void {
  describe(`${title} [kuzu]`, () => body(kuzuCase));
  if (NEO4J_ENABLED) {
    describe(`${title} [neo4j]`, () => body(neo4jCase));
  } else {
    if (!warned) {
      warned = true;
      console.warn('NEO4J_URI is not set: the Neo4j variant of the contract tests is SKIPPED (Kuzu ran).');
    }
    describe.skip(`${title} [neo4j — skipped: NEO4J_URI not set]`, () => body(neo4jCase));
  }
}
