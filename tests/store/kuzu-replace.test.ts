/**
 * Replacing an embedded store whole (`load --reset`, src/store/kuzu/replace.ts):
 * the new graph arrives by a staged bulk load, and until the rename nothing
 * of the old store changes, whatever fails.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixtureError, graphCounts, loadFixtures, type GraphCounts } from '../../src/load/load';
import { StoreUnavailableError } from '../../src/errors';
import { PROJECT_ROOT } from '../../src/paths';
import { KuzuEngine } from '../../src/store/kuzu/engine';
import { replaceStore, stagingPath } from '../../src/store/kuzu/replace';
import { kuzuPath, queriesFor } from '../../src/store/open';
import { MINI_FIXTURES } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';

const queries = queriesFor('kuzu');
const quiet = () => undefined;

async function countsAt(path: string): Promise<GraphCounts> {
  const engine = await KuzuEngine.open(path, queries, 64, quiet);
  try {
    return await graphCounts(engine, queries);
  } finally {
    await engine.close();
  }
}

describe('replacing a Kuzu store through a staged bulk load', () => {
  let dir: string;
  let path: string;
  let before: GraphCounts;
  const fixturesB = mutatedFixtures((f) => {
    f.people.push({ id: 'person:zelda-quasimodo', name: 'Zelda Quasimodo', aliases: [] });
  });
  const replace = (fixtures: string) =>
    replaceStore(path, queries, 64, quiet, (engine) => loadFixtures(engine, queries, fixtures));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'recap-graph-replace-'));
    path = kuzuPath(dir);
    const engine = await KuzuEngine.open(path, queries, 64, quiet);
    try {
      await loadFixtures(engine, queries, MINI_FIXTURES);
      before = await graphCounts(engine, queries);
    } finally {
      await engine.close();
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  afterAll(() => rmSync(fixturesB, { recursive: true, force: true }));

  it('bulk-loads the new graph and leaves only the store behind', async () => {
    const report = await replace(fixturesB);
    expect(report.mode).toBe('bulk');
    const after = await countsAt(path);
    expect(after.nodes.Person).toBe(before.nodes.Person! + 1);
    expect(readdirSync(dir)).toEqual(['recap.kuzu']);
    // Idempotent: the same data again gives the same graph.
    await replace(fixturesB);
    expect(await countsAt(path)).toEqual(after);
  });

  it('keeps the old store and removes the staging file when the new data is invalid', async () => {
    const bad = mutatedFixtures((f) => {
      f.talks[0].editionId = 'edition:nowhere';
    });
    try {
      await expect(replace(bad)).rejects.toThrow(FixtureError);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
    expect(await countsAt(path)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['recap.kuzu']);
  });

  it('keeps the old store when the load fails half-way', async () => {
    await expect(
      replaceStore(path, queries, 64, quiet, async (engine) => {
        await loadFixtures(engine, queries, fixturesB);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await countsAt(path)).toEqual(before);
    expect(existsSync(stagingPath(path))).toBe(false);
  });

  it('refuses while another process holds the store, and stages nothing', async () => {
    // Kuzu's lock is per process (one process may open a file twice): the holder is a real one.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const kuzu = require(${JSON.stringify(join(PROJECT_ROOT, 'node_modules', 'kuzu'))});
const db = new kuzu.Database(${JSON.stringify(path)}, 64 * 1024 * 1024);
db.init().then(() => { console.log('open'); setInterval(() => undefined, 1000); });`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.on('data', (c: Buffer) => c.toString().includes('open') && resolve());
        holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      });
      await expect(replace(fixturesB)).rejects.toThrow(StoreUnavailableError);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('close', resolve));
    }
    expect(readdirSync(dir).filter((f) => !f.endsWith('.wal'))).toEqual(['recap.kuzu']);
    expect(await countsAt(path)).toEqual(before);
  });

  it('removes what a killed reload left before staging again', async () => {
    writeFileSync(stagingPath(path), 'half a database');
    writeFileSync(`${stagingPath(path)}.wal`, 'half a log');
    await replace(fixturesB);
    expect((await countsAt(path)).nodes.Person).toBe(before.nodes.Person! + 1);
    expect(readdirSync(dir)).toEqual(['recap.kuzu']);
  });
});
