/**
 * The stored facts of the link matrix's first page (src/load/link-heads.ts,
 * src/store/link-heads.ts): the facts of its links are read from them in one
 * statement and equal what cypher/link/facts.cypher and the talks themselves
 * give, after a bulk load and after a batched one that changes the graph; links
 * they do not hold, or a store stamped since they were stored, are answered by
 * link/facts instead.
 */
import { join } from 'node:path';
import { loadFixtures } from '../../src/load/load';
import { completeTalkHeads } from '../../src/load/backfill';
import { PROJECT_ROOT } from '../../src/paths';
import type { Store } from '../../src/store/open';
import { linkFactsOf, rankedLinks } from '../../src/store/analyst';
import { Repository } from '../../src/store/repository';
import { LINK_HEAD_ID, linkHeadFacts } from '../../src/store/link-heads';
import { describeEachEngine } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';
import { adHocQuery } from '../helpers/queries';

const FIXTURES = join(PROJECT_ROOT, 'fixtures');

/** The ids of the all-editions matrix's first `n` links. */
async function firstLinks(store: Store, n: number): Promise<string[]> {
  const repo = new Repository(store.engine, store.queries);
  return (await rankedLinks(repo, { editionId: null, companyId: null, projectId: null }, 0, n)).map(
    (l) => l.id,
  );
}

/** Links' facts as link/facts gives them, with each talk's title read from the talk. */
async function fullFacts(store: Store, ids: string[]) {
  const rows = await store.engine.read(store.queries.get('link/facts'), { ids });
  const talks = await store.engine.read(
    adHocQuery('talk-titles', 'MATCH (t:Talk) RETURN t.id AS id, t.title AS title'),
    {},
  );
  const titles = new Map(talks.map((t) => [String(t.id), t.title]));
  const byId = new Map(rows.map((r) => [String(r.key), r]));
  return ids.map((id) => {
    const row = byId.get(id)!;
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
    return {
      talks: list(row.talks),
      talkTitles: list(row.talks).map((t) => titles.get(t)),
      announcements: list(row.announcements),
      backing: list(row.backing),
    };
  });
}

async function servedFacts(store: Store, ids: string[]) {
  const repo = new Repository(store.engine, store.queries);
  const facts = await linkFactsOf(repo, ids);
  return { facts, roundTrips: repo.stats.dbRoundTrips };
}

describeEachEngine('stored facts of the link matrix’s first page', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, FIXTURES);
  });
  afterAll(() => cleanup());

  const expectStoredAsFull = async () => {
    const ids = await firstLinks(store, 200);
    expect(ids.length).toBeGreaterThan(3);
    for (const window of [ids, ids.slice(0, 20), ids.slice(-3), [...ids].reverse().slice(0, 7)]) {
      const served = await servedFacts(store, window);
      expect(served.facts).toEqual(await fullFacts(store, window));
      expect(served.roundTrips).toBe(1);
    }
  };

  it('answers the first page’s links in one statement, as link/facts and the talks do', async () => {
    await expectStoredAsFull();
    const facts = await fullFacts(store, await firstLinks(store, 20));
    expect(facts.some((f) => f.talks.length > 1)).toBe(true);
  });

  it('leaves links of another scope to link/facts', async () => {
    const repo = new Repository(store.engine, store.queries);
    const edition = await rankedLinks(
      repo,
      { editionId: 'edition:kubecon-eu-2019', companyId: null, projectId: null },
      0,
      5,
    );
    expect(edition.length).toBeGreaterThan(0);
    const ids = edition.map((l) => l.id);
    const served = await servedFacts(store, ids);
    const full = await fullFacts(store, ids);
    expect(served.facts).toEqual(full.map(({ talkTitles: _t, ...rest }) => rest));
    expect(served.roundTrips).toBe(1);
  });

  it('follows a batched load that changes the graph', async () => {
    const changed = mutatedFixtures((files) => {
      files.talks[0].title = 'zzz renamed talk';
    });
    await loadFixtures(store.engine, store.queries, changed, { reset: true });
    const ids = await firstLinks(store, 200);
    const served = await servedFacts(store, ids);
    expect(served.facts.flatMap((f) => f.talkTitles)).toContain('zzz renamed talk');
    await expectStoredAsFull();
    await loadFixtures(store.engine, store.queries, FIXTURES, { reset: true });
    await expectStoredAsFull();
  });

  it('leaves the facts to link/facts once the store was stamped without storing them, until the start', async () => {
    await store.engine.write((tx) =>
      tx.run(store.queries.get('load/stamp'), { stamp: 'an earlier version', derives: false }),
    );
    const ids = await firstLinks(store, 20);
    const served = await servedFacts(store, ids);
    // The stored page, refused, then link/facts.
    expect(served.roundTrips).toBe(2);
    expect(served.facts).toEqual((await fullFacts(store, ids)).map(({ talkTitles: _t, ...rest }) => rest));
    // A page of an earlier layout is never read, and the start replaces it.
    await store.engine.write(async (tx) => {
      await tx.run(adHocQuery('drop-link-heads', 'MATCH (p:LinkFactsPage) DETACH DELETE p'), {});
      await tx.run(
        adHocQuery(
          'old-link-head',
          "MATCH (s:LoadStamp {id: 'graph'}) CREATE (:LinkFactsPage {id: '*|0', stamp: s.stamp})",
        ),
        {},
      );
    });
    expect(await completeTalkHeads(store.engine, store.queries)).toBe(true);
    expect(await completeTalkHeads(store.engine, store.queries)).toBe(false);
    await expectStoredAsFull();
    const pages = await store.engine.read(
      adHocQuery('link-head-ids', 'MATCH (p:LinkFactsPage) RETURN p.id AS id'),
      {},
    );
    expect(pages.map((p) => p.id)).toEqual([LINK_HEAD_ID]);
  });
});

describe('reading stored link facts', () => {
  const link = {
    id: '*|company:a|project:b',
    talks: [['talk:t', 'T']],
    announcements: [],
    backing: ['MAINTAINS'],
  };
  const row = (facts: unknown) => ({ stamp: 's', headStamp: 's', facts });
  it('reads well-formed links and never trusts anything else', () => {
    expect(linkHeadFacts(row([JSON.stringify(link)]))?.get(link.id)).toEqual(link);
    for (const bad of [
      'not json',
      JSON.stringify(null),
      JSON.stringify({ ...link, id: 3 }),
      JSON.stringify({ ...link, talks: [['talk:t']] }),
      JSON.stringify({ ...link, talks: 'talk:t' }),
      JSON.stringify({ ...link, backing: [1] }),
    ]) {
      expect(linkHeadFacts(row([bad]))).toBeNull();
    }
    expect(linkHeadFacts(row(null))).toBeNull();
    expect(linkHeadFacts({ ...row([JSON.stringify(link)]), headStamp: 'older' })).toBeNull();
    expect(linkHeadFacts(undefined)).toBeNull();
  });
});
