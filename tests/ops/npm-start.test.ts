/**
 * `npm start` as a supervisor runs it: SIGTERM sent to npm must reach the
 * server, which closes and exits, so npm exits 0 and nothing is left serving
 * or holding the Kuzu lock. (With `a && b` in the script, the shell between npm
 * and the server swallowed the signal and the server ran on as an orphan; the
 * script now ends with `exec`.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { MINI_FIXTURES } from '../helpers/engines';
import { baseEnv, buildDist } from '../helpers/processes';

describe('npm start', () => {
  beforeAll(buildDist, 120_000);

  it('stops the server when npm gets SIGTERM, and npm exits 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recap-graph-npm-start-'));
    try {
      const npm = spawn('npm', ['start', '--silent'], {
        cwd: PROJECT_ROOT,
        env: { ...baseEnv(), PORT: '0', DATA_DIR: dataDir, FIXTURES_DIR: MINI_FIXTURES },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /GraphQL API at (http:\/\/[^\s"]+)\/graphql/.exec(output);
          if (match) resolve(match[1]!);
        };
        npm.stdout!.on('data', onData);
        npm.stderr!.on('data', onData);
        npm.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
      });
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
      npm.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toMatch(/SIGTERM: closing the server and the database/);
      await expect(fetch(`${url}/readyz`)).rejects.toThrow();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
