/** SEEDS_DIR / REQUIRE_SEEDS: where the seed articles are read from, and what happens without them. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedsStatus } from '../helpers/seeds';

describe('seedsStatus', () => {
  let root: string;
  beforeAll(() => {
    // A fake checkout with seeds beside it, as on a development machine.
    root = mkdtempSync(join(tmpdir(), 'recap-graph-seeds-'));
    mkdirSync(join(root, 'project'));
    mkdirSync(join(root, 'shared', 'seeds'), { recursive: true });
    writeFileSync(join(root, 'shared', 'seeds', '001_x.txt'), 'Un paragraphe.\n');
    mkdirSync(join(root, 'empty', 'clone'), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const project = () => join(root, 'project');

  it('reads ../shared/seeds by default', () => {
    expect(seedsStatus({}, project())).toEqual({ mode: 'present', dir: join(root, 'shared', 'seeds') });
  });

  it('takes SEEDS_DIR, relative to the project root or absolute', () => {
    expect(seedsStatus({ SEEDS_DIR: '../shared/seeds' }, project()).mode).toBe('present');
    expect(seedsStatus({ SEEDS_DIR: join(root, 'shared', 'seeds') }, '/nowhere').mode).toBe('present');
  });

  it('skips with a notice naming the folder when the seeds are missing or empty', () => {
    const missing = seedsStatus({ SEEDS_DIR: join(root, 'nope') }, project());
    expect(missing).toMatchObject({ mode: 'skip', dir: join(root, 'nope') });
    expect(missing.mode === 'skip' && missing.notice).toMatch(/nope is missing .*SKIPPED.*SEEDS_DIR/);
    expect(seedsStatus({ SEEDS_DIR: join(root, 'empty') }, project()).mode).toBe('skip');
    // A fresh clone: nothing beside the checkout.
    expect(seedsStatus({}, join(root, 'empty', 'clone')).mode).toBe('skip');
  });

  it('fails instead of skipping with REQUIRE_SEEDS=1', () => {
    const status = seedsStatus({ SEEDS_DIR: join(root, 'nope'), REQUIRE_SEEDS: '1' }, project());
    expect(status.mode).toBe('fail');
    expect(status.mode === 'fail' && status.reason).toMatch(/REQUIRE_SEEDS=1: point SEEDS_DIR/);
    expect(seedsStatus({ REQUIRE_SEEDS: '1' }, project()).mode).toBe('present');
  });
});
