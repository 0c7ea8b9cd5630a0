/** A real service for HTTP-level tests: Kuzu in a temp directory, seeded from fixtures, on a free port. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config';
import { startService, type RunningService } from '../../src/server/service';
import { MINI_FIXTURES } from './engines';

export interface TestService extends RunningService {
  /** Stops the service and deletes its data directory. */
  close(): Promise<void>;
}

/** `env` adds configuration variables (limits, timeouts…) to the test defaults. */
export async function startTestService(
  fixturesDir: string = MINI_FIXTURES,
  env: Record<string, string> = {},
): Promise<TestService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'recap-graph-service-'));
  const config = readConfig({
    ...env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    FIXTURES_DIR: fixturesDir,
  });
  const service = await startService(config);
  return {
    ...service,
    async close() {
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
