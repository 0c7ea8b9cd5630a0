/** A real service for HTTP-level tests: a fresh store of the given engine, seeded from fixtures, on a free port. */
import { readConfig } from '../../src/config';
import { startService, type RunningService } from '../../src/server/service';
import { KUZU, MINI_FIXTURES, type EngineCase } from './engines';

export interface TestService extends RunningService {
  /** Stops the service and deletes its store (Kuzu's directory; Neo4j's graph is reset by the next suite). */
  close(): Promise<void>;
}

/** `env` adds configuration variables (limits, timeouts…) to the test defaults. */
export async function startTestService(
  fixturesDir: string = MINI_FIXTURES,
  engine: EngineCase = KUZU,
  env: Record<string, string> = {},
): Promise<TestService> {
  const opened = await engine.open();
  const config = readConfig({ ...env, HOST: '127.0.0.1', PORT: '0', FIXTURES_DIR: fixturesDir });
  const service = await startService(config, { store: opened.store });
  return {
    ...service,
    async close() {
      await service.stop();
      await opened.cleanup();
    },
  };
}
