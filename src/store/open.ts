/**
 * Chooses and opens the engine the configuration asks for: Neo4j when
 * NEO4J_URI is set, otherwise the embedded Kuzu store under DATA_DIR.
 */
import { join } from 'node:path';
import type { Config } from '../config';
import type { Engine, EngineName } from './engine';
import { QueryRegistry } from './queries';
import { ENGINE_QUERIES, REQUIRED_QUERIES } from './query-names';
import { KuzuEngine } from './kuzu/engine';
import { Neo4jEngine } from './neo4j/engine';

export interface Store {
  engine: Engine;
  queries: QueryRegistry;
}

/** Every query an engine needs, loaded and checked (a missing file fails here, at start). */
export function queriesFor(engine: EngineName): QueryRegistry {
  return QueryRegistry.load(engine, [...REQUIRED_QUERIES, ...ENGINE_QUERIES[engine]]);
}

export async function openStore(
  config: Pick<Config, 'neo4j' | 'dataDir' | 'kuzuBufferPoolMb'>,
  log?: (line: string) => void,
): Promise<Store> {
  if (config.neo4j) {
    const queries = queriesFor('neo4j');
    return { engine: Neo4jEngine.open(config.neo4j, queries), queries };
  }
  const queries = queriesFor('kuzu');
  return {
    engine: await KuzuEngine.open(kuzuPath(config.dataDir), queries, config.kuzuBufferPoolMb, log),
    queries,
  };
}

/** The database file inside DATA_DIR (`:memory:` passes through for tests). */
export function kuzuPath(dataDir: string): string {
  return dataDir === ':memory:' ? dataDir : join(dataDir, 'recap.kuzu');
}
