/**
 * The built entry points as a user runs them: exit codes, messages, clean
 * shutdown on SIGTERM, the first-start seed, and the loader CLI refusing bad
 * data. Builds dist/ if stale (what `npm start` does) and spawns real processes.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MINI_FIXTURES } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';
import { buildDist, exitOf, LOAD, MAIN, run, startMain } from '../helpers/processes';

describe('processes', () => {
  let dataDir: string;
  beforeAll(buildDist, 120_000);
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'recap-graph-proc-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits 2 naming the variable when the configuration is bad', () => {
    const result = run(MAIN, [], { PORT: 'abc', DATA_DIR: dataDir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/configuration error: PORT: must be a whole number/);
  });

  it('seeds on first start, serves, closes cleanly on SIGTERM, and does not reseed on restart', async () => {
    const env = { PORT: '0', DATA_DIR: dataDir, FIXTURES_DIR: MINI_FIXTURES };
    const first = await startMain(env);
    expect(first.output()).toMatch(/seeded empty kuzu store/);
    const res = await fetch(`${first.url}/graphql?query=${encodeURIComponent('{ editions { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(((await res.json()) as { data: { editions: unknown[] } }).data.editions).toHaveLength(3);
    first.child.kill('SIGTERM');
    expect(await exitOf(first.child)).toBe(0);
    expect(first.output()).toMatch(/SIGTERM: closing the server and the database/);
    // The server log is pino JSON: one object a line, with a level and a time.
    const lines = first.output().trimEnd().split('\n');
    for (const line of lines)
      expect(JSON.parse(line)).toMatchObject({ level: expect.any(String), time: expect.any(String) });
    expect(lines.map((l) => JSON.parse(l))).toContainEqual(
      expect.objectContaining({ msg: 'request', path: '/graphql', status: 200, reqId: expect.any(String) }),
    );

    const second = await startMain(env);
    expect(second.output()).not.toMatch(/seeded/);
    second.child.kill('SIGTERM');
    expect(await exitOf(second.child)).toBe(0);
  }, 60_000);

  it('load CLI: writes and reports counts; on bad data lists the problems, writes nothing, exits 1', () => {
    const ok = run(LOAD, ['--fixtures', MINI_FIXTURES], { DATA_DIR: dataDir });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/nodes: \{"Announcement":1,"Article":3,"Company":8/);
    const bad = mutatedFixtures((f) => (f.talks[2].editionId = 'edition:nowhere'));
    try {
      // Validated before any store is opened: a fresh data directory stays empty.
      const fresh = join(dataDir, 'fresh');
      const none = run(LOAD, ['--fixtures', bad], { DATA_DIR: fresh });
      expect(none.status).toBe(1);
      expect(none.stderr).toMatch(/nothing was written/);
      expect(readdirSync(dataDir)).toEqual(['recap.kuzu']);
      const refused = run(LOAD, ['--fixtures', bad, '--reset'], { DATA_DIR: dataDir });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/talks.json: \[2\].editionId: no edition with id edition:nowhere/);
      expect(refused.stderr).toMatch(/nothing was written/);
      const check = run(LOAD, ['--check', '--fixtures', bad], { DATA_DIR: dataDir });
      expect(check.status).toBe(1);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
    const again = run(LOAD, ['--fixtures', MINI_FIXTURES], { DATA_DIR: dataDir });
    expect(again.stdout).toMatch(/nodes: \{"Announcement":1,"Article":3,"Company":8/);
    // A reset replaces the store through a staged bulk load, and leaves nothing else behind.
    const reset = run(LOAD, ['--fixtures', MINI_FIXTURES, '--reset'], { DATA_DIR: dataDir });
    expect(reset.status).toBe(0);
    expect(reset.stdout).toMatch(/\(replaced: staged, then renamed over the store\).*\(bulk\)/);
    expect(reset.stdout).toMatch(/nodes: \{"Announcement":1,"Article":3,"Company":8/);
    expect(readdirSync(dataDir)).toEqual(['recap.kuzu']);
  }, 60_000);

  it('load CLI: refuses to share a data directory with a running server', async () => {
    const server = await startMain({ PORT: '0', DATA_DIR: dataDir, FIXTURES_DIR: MINI_FIXTURES });
    try {
      const result = run(LOAD, ['--fixtures', MINI_FIXTURES], { DATA_DIR: dataDir });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/cannot open Kuzu database/);
      expect(result.stderr).toMatch(
        /nothing was written\. Kuzu lets one process at a time open .*stop it and load again/,
      );
      const reset = run(LOAD, ['--fixtures', MINI_FIXTURES, '--reset'], { DATA_DIR: dataDir });
      expect(reset.status).toBe(1);
      expect(reset.stderr).toMatch(/cannot open Kuzu database/);
      expect(reset.stderr).toMatch(/stop it and load again/);
      expect(readdirSync(dataDir).filter((f) => f.includes('staging'))).toEqual([]);
    } finally {
      server.child.kill('SIGTERM');
      await exitOf(server.child);
    }
  }, 60_000);
});
