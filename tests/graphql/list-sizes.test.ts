/**
 * The counted lists' sizes (src/graphql/list-sizes.ts) on a stand-in
 * repository: read once per engine and graph version for at most STALE_MS,
 * read again after a load or once stale, and, when a read fails, the last
 * sizes read stand in until a read succeeds again.
 */
import { rootListSizes } from '../../src/graphql/list-sizes';
import type { Repository } from '../../src/store/repository';
import type { Engine, Row } from '../../src/store/engine';
import { bumpGraphVersion, STALE_MS } from '../../src/store/version';

/** A repository whose count answers `next()`, counting its reads. */
function standIn(next: () => Promise<Row[]>) {
  const engine = {} as Engine;
  const calls: string[] = [];
  const read = (name: string) => {
    calls.push(name);
    return next();
  };
  const repo = { engine, detached: () => ({ read }) } as unknown as Repository;
  return { repo, engine, calls };
}

const rows = (editions: number, articles: number) => Promise.resolve([{ editions, articles }]);

describe('root list sizes', () => {
  it('reads once per graph version and STALE_MS, and again after a load or once stale', async () => {
    let editions = 3;
    const { repo, engine, calls } = standIn(() => rows(editions, 2));
    const t = 1_000_000;
    expect(await rootListSizes(repo, t)).toEqual(
      new Map([
        ['Query.editions', 3],
        ['Query.articles', 2],
      ]),
    );
    expect(calls).toEqual(['list/root-sizes']);
    await rootListSizes(repo, t + STALE_MS - 1);
    expect(calls).toHaveLength(1);
    editions = 8;
    bumpGraphVersion(engine);
    expect((await rootListSizes(repo, t + 1)).get('Query.editions')).toBe(8);
    expect(calls).toHaveLength(2);
    editions = 9;
    expect((await rootListSizes(repo, t + 1 + STALE_MS)).get('Query.editions')).toBe(9);
    expect(calls).toHaveLength(3);
  });

  it('gives the last sizes read when a read fails, reads again next time, and fails with none read', async () => {
    let fail = true;
    const { repo, engine, calls } = standIn(() => (fail ? Promise.reject(new Error('down')) : rows(5, 1)));
    await expect(rootListSizes(repo, 0)).rejects.toThrow('down');
    fail = false;
    expect((await rootListSizes(repo, 1)).get('Query.editions')).toBe(5);
    fail = true;
    bumpGraphVersion(engine);
    // Two requests sharing the failing read both get the last sizes.
    const [a, b] = await Promise.all([rootListSizes(repo, 2), rootListSizes(repo, 2)]);
    expect(a.get('Query.editions')).toBe(5);
    expect(b).toBe(a);
    expect(calls).toHaveLength(3);
    // The failure is not kept: the next request reads again.
    fail = false;
    await rootListSizes(repo, 3);
    expect(calls).toHaveLength(4);
  });
});
