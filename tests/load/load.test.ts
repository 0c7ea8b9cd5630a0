/**
 * Loading into a real store: counts, idempotence, and that a bad load —
 * invalid data, or a failure half-way through the writes — leaves the store
 * exactly as it was.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FixtureError, graphCounts, loadFixtures } from '../../src/load/load';
import { LOAD_TARGETS } from '../../src/load/plan/targets';
import { LINK_INPUTS } from '../../src/load/plan/links';
import { CARD_INPUTS, NODE_CARDS } from '../../src/load/plan/cards';
import { HEAD_STATEMENTS } from '../../src/load/heads';
import { LINK_HEAD_STATEMENTS } from '../../src/load/link-heads';
import { Repository } from '../../src/store/repository';
import { relink } from '../../src/load/relink';
import type { BulkGroup, Engine, WriteTransaction } from '../../src/store/engine';
import { adHocQuery, dumpGraph as dump } from '../helpers/queries';
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

  it('reports batched statements, not one per record', async () => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const again = await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    expect(again.mode).toBe('batched');
    expect(again.records).toBeGreaterThan(80);
    // At most one statement per load query at this size (nodes, relationships, link
    // summaries), plus the three that count and rank the editions, the reads and
    // deletes that derive the link summaries from the graph the load leaves, and the
    // reads that derive the cards (its inputs, its talks, the stored cards of talks,
    // projects and companies: a reload writes none), and the talks' stored first pages (a count, then a read
    // and a write per order).
    expect(again.statements).toBeLessThanOrEqual(
      Object.keys(LOAD_TARGETS).length +
        3 +
        Object.keys(LINK_INPUTS).length +
        2 +
        Object.keys(CARD_INPUTS).length +
        2 +
        Object.keys(NODE_CARDS).length +
        HEAD_STATEMENTS +
        LINK_HEAD_STATEMENTS,
    );
  });

  it('derives the link summaries of the whole graph a load leaves, a second data set on top of a first included', async () => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    // A second set in which Google presents the Envoy internals talk, and the talk
    // mentions nothing: only the first set says it discusses Envoy, Istio and Tokio.
    const second = mutatedFixtures((files) => {
      const talk = files.talks.find((t: { id: string }) => t.id === 'talk:envoy-internals-deep-dive');
      const sources = talk.sources;
      talk.mentions = [];
      talk.companies = [{ companyId: 'company:google', sources }];
    });
    try {
      const report = await loadFixtures(store.engine, store.queries, second);
      expect(report.mode).toBe('batched');
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
    const repo = new Repository(store.engine, store.queries);
    const [tokio] = await repo.related('project/companies', ['project:tokio']);
    expect(tokio!.map((r) => r.node.id)).toContain('company:google');
    const links = adHocQuery(
      'links',
      'MATCH (l:Link) RETURN l.id AS id, l.weight AS w, l.rank AS r, l.talks AS t ORDER BY id',
    );
    const google = (await store.engine.read(links, {})).filter((l) =>
      String(l.id).startsWith('*|company:google|'),
    );
    expect(google.map((l) => l.id)).toEqual(
      expect.arrayContaining(['*|company:google|project:envoy', '*|company:google|project:tokio']),
    );
  });

  it('writes no edition rank on a reload of the same data, and every one after they are lost', async () => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const ran: string[] = [];
    const write = store.engine.write.bind(store.engine);
    store.engine.write = (work) =>
      write((tx) =>
        work({
          run: (query, params) => {
            ran.push(query.name);
            return tx.run(query, params);
          },
        }),
      );
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    expect(ran).toContain('load/edition-order');
    expect(ran).not.toContain('load/edition-rank');
    await write((tx) => tx.run(adHocQuery('unrank', 'MATCH (e:Edition) SET e.newestRank = NULL'), {}));
    ran.length = 0;
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    expect(ran).toContain('load/edition-rank');
    const ranks = await store.engine.read(
      adHocQuery('ranks', 'MATCH (e:Edition) RETURN e.newestRank AS rank ORDER BY rank'),
      {},
    );
    expect(ranks.map((r) => Number(r.rank))).toEqual([0, 1, 2]);
  });

  it('ranks the editions of the whole graph a load leaves: newest first, then by name and id', async () => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    // A second set with two editions tied with EU 2018 on year and start date (one
    // named before it, one after) and one newer than every other.
    const second = mutatedFixtures((files) => {
      const eu2018 = files.editions.find((e: { id: string }) => e.id === 'edition:kubecon-eu-2018');
      files.editions.push(
        { ...eu2018, id: 'edition:a-tie', name: 'A tie with EU 2018', aliases: [] },
        { ...eu2018, id: 'edition:z-tie', name: 'Z tie with EU 2018', aliases: [] },
        {
          ...eu2018,
          id: 'edition:newest',
          name: 'Newest',
          year: 2031,
          startDate: '2031-01-01',
          endDate: '2031-01-02',
          aliases: [],
        },
      );
    });
    try {
      await loadFixtures(store.engine, store.queries, second);
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
    const editions = await new Repository(store.engine, store.queries).all('edition/all', 2 ** 31 - 1);
    const expected = [...editions].sort(
      (a, b) =>
        Number(b.year) - Number(a.year) ||
        String(b.startDate).localeCompare(String(a.startDate)) ||
        (a.name! < b.name! ? -1 : a.name! > b.name! ? 1 : 0) ||
        (a.id < b.id ? -1 : 1),
    );
    expect(editions.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(editions[0]!.id).toBe('edition:newest');
    // Ranks 0 to n - 1, which analyst/edition-stats filters on.
    expect(editions.map((e) => Number(e.newestRank))).toEqual(editions.map((_, i) => i));
    const ties = editions.map((e) => e.id).filter((id) => /tie|eu-2018/.test(id));
    expect(ties).toEqual(['edition:a-tie', 'edition:kubecon-eu-2018', 'edition:z-tie']);
  });

  it('rewrites only the link summaries that differ from those of the graph', async () => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const links = adHocQuery(
      'links',
      'MATCH (l:Link) RETURN l.id AS id, l.weight AS w, l.rank AS r ORDER BY id',
    );
    const loaded = await store.engine.read(links, {});
    expect(loaded.length).toBeGreaterThan(5);
    const again = () => store.engine.write((tx) => relink(tx, store.queries));
    // A reload of the same graph: nothing to write.
    expect(await again()).toMatchObject({ linksWritten: 0, pagesWritten: 0, deleted: 0 });
    // A stale weight, and a link the graph does not have.
    await store.engine.write(async (tx) => {
      await tx.run(adHocQuery('stale', `MATCH (l:Link {id: '${loaded[0]!.id}'}) SET l.weight = 99`), {});
      await tx.run(
        adHocQuery('bogus', "CREATE (:Link {id: '*|company:nobody|project:nothing', scope: '*'})"),
        {},
      );
    });
    expect(await again()).toMatchObject({ linksWritten: 1, pagesWritten: 0, deleted: 1 });
    expect(await store.engine.read(links, {})).toEqual(loaded);
  });

  it('writes the same graph through the bulk path and the batched path', async () => {
    const first = await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const viaFirst = await dump(store.engine);
    // Batched path: the same engine with its bulk path hidden, after emptying the store.
    const batchedOnly: Engine = Object.create(store.engine, { bulkLoad: { value: undefined } });
    const second = await loadFixtures(batchedOnly, store.queries, MINI_FIXTURES, { reset: true });
    expect(second.mode).toBe('batched');
    expect(await dump(store.engine)).toEqual(viaFirst);
    expect(second.counts).toEqual(first.counts);
  });

  it('leaves an empty store empty when the bulk path fails half-way', async () => {
    if (!store.engine.bulkLoad) return; // engines without a bulk path are covered by the rollback test
    const broken: BulkGroup = {
      table: 'AT',
      from: 'Talk',
      to: 'Edition',
      rows: [{ from: 'talk:nowhere', to: 'edition:nowhere', sources: ['x#1'], reference: null }],
    };
    const failing: Engine = Object.create(store.engine, {
      bulkLoad: {
        value: (groups: readonly BulkGroup[], finish: (tx: WriteTransaction) => Promise<unknown>) =>
          store.engine.bulkLoad!([...groups, broken], finish),
      },
    });
    await expect(loadFixtures(failing, store.queries, MINI_FIXTURES)).rejects.toThrow();
    await expectEmptyAndLoadable();
  });

  it('leaves an empty store empty when the bulk path fails after its copies', async () => {
    if (!store.engine.bulkLoad) return;
    // The copies succeed and the editions' counts are written; then the finishing step fails.
    const failing: Engine = Object.create(store.engine, {
      bulkLoad: {
        value: (groups: readonly BulkGroup[], finish: (tx: WriteTransaction) => Promise<unknown>) =>
          store.engine.bulkLoad!(groups, async (tx) => {
            await finish(tx);
            throw new Error('the finishing step failed');
          }),
      },
    });
    await expect(loadFixtures(failing, store.queries, MINI_FIXTURES)).rejects.toThrow(
      'the finishing step failed',
    );
    await expectEmptyAndLoadable();
  });

  async function expectEmptyAndLoadable(): Promise<void> {
    const counts = await graphCounts(store.engine, store.queries);
    expect(Object.values(counts.nodes).every((n) => n === 0)).toBe(true);
    expect(Object.values(counts.relationships).every((n) => n === 0)).toBe(true);
    // And the store still takes a load afterwards, through the bulk path, with its editions ranked.
    const report = await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    expect(report).toMatchObject({ mode: 'bulk', counts: { nodes: { Talk: 4 } } });
    const ranks = await store.engine.read(
      adHocQuery('ranks', 'MATCH (e:Edition) RETURN e.newestRank AS rank'),
      {},
    );
    expect(ranks.map((r) => Number(r.rank)).sort()).toEqual([0, 1, 2]);
  }

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

  it('writes the whole plan again when the store retries the transaction', async () => {
    const first = await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const expected = await dump(store.engine);
    // The Neo4j adapter runs the work again after a retryable error: the second run must
    // write every group, not resume where the failed one stopped.
    let attempts = 0;
    const retrying: Engine = Object.create(store.engine, {
      bulkLoad: { value: undefined },
      write: {
        value: async (work: Parameters<Engine['write']>[0]) => {
          let statements = 0;
          await expect(
            store.engine.write((tx) =>
              work({
                run: (query, params) => {
                  if (++statements === 5) throw new Error('simulated transient failure');
                  return tx.run(query, params);
                },
              }),
            ),
          ).rejects.toThrow(/transient/);
          attempts++;
          return store.engine.write(work);
        },
      },
    });
    const report = await loadFixtures(retrying, store.queries, MINI_FIXTURES, { reset: true });
    expect(attempts).toBe(1);
    expect(report.records).toBe(first.records);
    expect(report.counts).toEqual(first.counts);
    expect(await dump(store.engine)).toEqual(expected);
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
                if (++statements === 12) throw new Error('simulated failure after 11 statements');
                return tx.run(query, params);
              },
            }),
          ),
      },
    });
    await expect(loadFixtures(failing, store.queries, MINI_FIXTURES, { reset: true })).rejects.toThrow(
      /simulated failure/,
    );
    expect(statements).toBe(12);
    expect(await graphCounts(store.engine, store.queries)).toEqual(before);
  });
});
