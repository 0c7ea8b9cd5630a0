/**
 * The engines a contract suite runs against: Kuzu always (in a temp
 * directory), and Neo4j: the server Jest's global setup launched or the one
 * NEO4J_URI names (tests/setup/neo4j-global-setup.ts). Without either, the
 * Neo4j variant is registered as skipped and says so on the console, so a
 * green run never hides that Neo4j was not exercised; with REQUIRE_NEO4J=1 that
 * skip is a failure instead.
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
    const store = await openStore(readConfig(neo4jTestEnv()));
    await store.engine.ensureSchema();
    // Neo4j tests share one database: start each from an empty graph.
    await store.engine.write((tx) => tx.run(store.queries.get('load/reset'), {}));
    return { store, cleanup: () => store.engine.close() };
  },
};

export const NEO4J_ENABLED = Boolean(process.env.RECAP_TEST_NEO4J_URI);
const NEO4J_REQUIRED = process.env.REQUIRE_NEO4J === '1';

/** The environment (as src/config.ts reads it) that points the service at the test Neo4j. */
export function neo4jTestEnv(): Record<string, string> {
  const env: Record<string, string> = {
    NEO4J_URI: process.env.RECAP_TEST_NEO4J_URI ?? '',
    NEO4J_USER: process.env.RECAP_TEST_NEO4J_USER ?? 'neo4j',
    NEO4J_PASSWORD: process.env.RECAP_TEST_NEO4J_PASSWORD ?? '',
  };
  if (process.env.RECAP_TEST_NEO4J_DATABASE) env.NEO4J_DATABASE = process.env.RECAP_TEST_NEO4J_DATABASE;
  return env;
}

/** Engines to run a suite on: both when a Neo4j is there, otherwise Kuzu alone. */
export const ENGINES: EngineCase[] = NEO4J_ENABLED ? [kuzuCase, neo4jCase] : [kuzuCase];
export const KUZU = kuzuCase;
export const NEO4J = neo4jCase;

let warned = false;
/** Registers the Neo4j variant as skipped (with a notice), or as a failure under REQUIRE_NEO4J=1. */
export function skipNeo4j(title: string, body: () => void): void {
  if (NEO4J_REQUIRED) {
    describe(`${title} [neo4j]`, () => {
      it('runs on Neo4j (REQUIRE_NEO4J=1)', () => {
        throw new Error('REQUIRE_NEO4J=1 but no Neo4j server is configured for the tests');
      });
    });
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(
      'No Neo4j for the tests (no Java/Maven, no NEO4J_URI): the Neo4j variants are SKIPPED (Kuzu ran).',
    );
  }
  describe.skip(`${title} [neo4j — skipped: no Neo4j server]`, body);
}

/** `describe` per engine; the Neo4j one is skipped (see `skipNeo4j`) when no server is there. */
export function describeEachEngine(title: string, body: (engine: EngineCase) => void): void {
  describe(`${title} [kuzu]`, () => body(kuzuCase));
  if (NEO4J_ENABLED) describe(`${title} [neo4j]`, () => body(neo4jCase));
  else skipNeo4j(title, () => body(neo4jCase));
}

/** `describe` for what only Neo4j has (limits, identities); skipped as `describeEachEngine`'s Neo4j variant is. */
export function describeNeo4j(title: string, body: (engine: EngineCase) => void): void {
  if (NEO4J_ENABLED) describe(`${title} [neo4j]`, () => body(neo4jCase));
  else skipNeo4j(title, () => body(neo4jCase));
}
