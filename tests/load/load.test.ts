/**
 * Loading into a real store: counts, idempotence, and that a bad load —
 * invalid data, or a failure half-way through the writes — leaves the store
 * exactly as it was.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixtureError, graphCounts, loadFixtures } from '../../src/load/load';
import type { Engine } from '../../src/store/engine';
import type { Store } from '../../src/store/open';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';

describeEachEngine('fixture loading', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await engine.open());
  });
  afterEach(() => cleanup());

  it('writes every node and relationship, derived ones included', async () => {
    const report = await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    expect(report.counts.nodes).toEqual({
      Announcement: 1,
      Article: 3,
      Company: 8,
      Edition: 3,
      Figure: 1,
      Person: 5,
      Project: 6,
      Talk: 4,
    });
    // PRESENTED: 5 person→talk + 4 company→talk (3 through affiliations, 1 credited).
    expect(report.counts.relationships.PRESENTED).toBe(9);
    expect(report.counts.relationships.AFFILIATED_WITH).toBe(4);
    expect(report.counts.relationships.AT).toBe(4 + 1 + 1);
  });

  it('is idempotent: a second load, or a reset and load, gives the same counts', async () => {
    const once = await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const twice = await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    expect(twice.counts).toEqual(once.counts);
    const reset = await loadFixtures(store.engine, store.queries, MINI_FIXTURES, { reset: true });
    expect(reset.counts).toEqual(once.counts);
  });

  it('writes nothing when one record is invalid', async () => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const before = await graphCounts(store.engine, store.queries);
    const dir = mutatedFixtures((f) => {
      f.people.push({ id: 'person:new-person', name: 'New Person', aliases: [] });
      f.talks[1].participants[0].role = 'JUGGLER';
    });
    try {
      await expect(loadFixtures(store.engine, store.queries, dir, { reset: true })).rejects.toThrow(
        FixtureError,
      );
      expect(await graphCounts(store.engine, store.queries)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each<[string, (dir: string) => void]>([
    [
      'a 10 MB string',
      (dir) => {
        const talks = JSON.parse(readFileSync(join(dir, 'talks.json'), 'utf8'));
        talks[0].summary = 'x'.repeat(10_000_000);
        writeFileSync(join(dir, 'talks.json'), JSON.stringify(talks));
      },
    ],
    [
      'invalid UTF-8',
      (dir) => {
        const bytes = readFileSync(join(dir, 'companies.json'));
        writeFileSync(
          join(dir, 'companies.json'),
          Buffer.concat([bytes.subarray(0, 40), Buffer.from([0xff]), bytes.subarray(40)]),
        );
      },
    ],
    [
      'a __proto__ key',
      (dir) => {
        const text = readFileSync(join(dir, 'people.json'), 'utf8');
        writeFileSync(join(dir, 'people.json'), text.replace('"id"', '"__proto__": { "admin": true }, "id"'));
      },
    ],
  ])('writes nothing for %s', async (_what, spoil) => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const before = await graphCounts(store.engine, store.queries);
    const dir = mutatedFixtures(() => undefined);
    try {
      spoil(dir);
      await expect(loadFixtures(store.engine, store.queries, dir, { reset: true })).rejects.toThrow(
        FixtureError,
      );
      expect(await graphCounts(store.engine, store.queries)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rolls back every write when the store fails half-way', async () => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const before = await graphCounts(store.engine, store.queries);
    let statements = 0;
    const failing: Engine = Object.create(store.engine, {
      write: {
        value: (work: Parameters<Engine['write']>[0]) =>
          store.engine.write((tx) =>
            work({
              run: (query, params) => {
                if (++statements === 40) throw new Error('simulated failure after 39 statements');
                return tx.run(query, params);
              },
            }),
          ),
      },
    });
    await expect(loadFixtures(failing, store.queries, MINI_FIXTURES, { reset: true })).rejects.toThrow(
      /simulated failure/,
    );
    expect(statements).toBe(40);
    expect(await graphCounts(store.engine, store.queries)).toEqual(before);
  });
});
