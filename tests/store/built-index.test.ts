/**
 * The service's in-memory indexes' life (src/store/built-index.ts): how a
 * failing build is tried again. Their life across graph versions and
 * refreshes is tested through the name index (name-index.test.ts), and each
 * index's answers beside it and in tests/search/search-index.test.ts.
 */
import type { Engine } from '../../src/store/engine';
import { readyIndex, warmIndexes } from '../../src/store/built-index';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('readyIndex after failed builds', () => {
  it('tries again 1 s after a failure, then twice as long after each failure in a row, up to 60 s', async () => {
    const engine = {} as Engine;
    let builds = 0;
    const failing = async (): Promise<string> => {
      builds += 1;
      throw new Error('store unreadable');
    };
    const t0 = Date.now();
    expect(readyIndex(engine, 'k', failing, t0)).toBeUndefined();
    await settle();
    expect(builds).toBe(1);
    // Each wait: the build is not tried a millisecond before it, and is tried at it.
    let at = t0;
    for (const wait of [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]) {
      const before = builds;
      readyIndex(engine, 'k', failing, at + wait - 1);
      await settle();
      expect([wait, builds]).toEqual([wait, before]);
      readyIndex(engine, 'k', failing, at + wait);
      await settle();
      expect([wait, builds]).toEqual([wait, before + 1]);
      at += wait;
    }
    // A success ends the backoff: the index serves at once.
    expect(readyIndex(engine, 'k', async () => 'built', at + 60_000)).toBeUndefined();
    await settle();
    expect(readyIndex(engine, 'k', failing, at + 60_001)).toBe('built');
  });

  it('keeps serving the index a failing refresh would replace, and backs the refresh off too', async () => {
    const engine = {} as Engine;
    await warmIndexes(engine, ['k'], async () => 'first');
    let builds = 0;
    const failing = async (): Promise<string> => {
      builds += 1;
      throw new Error('store unreadable');
    };
    const stale = Date.now() + 61_000;
    expect(readyIndex(engine, 'k', failing, stale)).toBe('first');
    await settle();
    expect(builds).toBe(1);
    expect(readyIndex(engine, 'k', failing, stale + 10)).toBe('first');
    await settle();
    expect(builds).toBe(1);
    expect(readyIndex(engine, 'k', failing, stale + 1_000)).toBe('first');
    await settle();
    expect(builds).toBe(2);
  });

  it('a failed warm-up leaves the first caller a second later to build', async () => {
    const engine = {} as Engine;
    await expect(
      warmIndexes(engine, ['k'], async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    // At once, no build: the warm-up's failure counts.
    expect(readyIndex(engine, 'k', async () => 'other')).toBeUndefined();
    await settle();
    expect(readyIndex(engine, 'k', async () => 'built', Date.now() + 1_000)).toBeUndefined();
    await settle();
    expect(readyIndex(engine, 'k', async () => 'other')).toBe('built');
  });
});
