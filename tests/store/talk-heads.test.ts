/**
 * The talks' stored first pages (src/load/heads.ts, src/store/talk-heads.ts):
 * a page they can answer is read from them in one statement and equals the
 * page the full statement gives, in every order, after a bulk load and after a
 * batched one that changes the graph; once the store's stamp is not the one
 * they were stored under (a write by an earlier version), the full statement
 * answers instead, rightly, until the service's start or the next write stores
 * them again.
 */
import { join } from 'node:path';
import { loadFixtures } from '../../src/load/load';
import { completeTalkHeads } from '../../src/load/backfill';
import { PROJECT_ROOT } from '../../src/paths';
import type { StoredNode } from '../../src/store/engine';
import type { Store } from '../../src/store/open';
import { projected, pruned } from '../../src/store/queries';
import { Repository } from '../../src/store/repository';
import {
  HEAD_PROPERTIES,
  HEAD_SIZE,
  headAnswers,
  headId,
  headWindow,
  NO_STAMP,
  parsedHead,
  TALK_ORDERS,
} from '../../src/store/talk-heads';
import { TALK_PROPERTIES } from '../../src/graphql/resolvers/talk';
import { describeEachEngine } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';
import { adHocQuery } from '../helpers/queries';

const FIXTURES = join(PROJECT_ROOT, 'fixtures');
const WINDOWS = [
  { skip: 0, limit: 20 },
  { skip: 0, limit: 1 },
  { skip: 5, limit: 10 },
  { skip: 40, limit: 20 },
  { skip: 0, limit: HEAD_SIZE },
  { skip: 60, limit: 40 },
];

/** The window as the full statement gives it (no stored page involved), with the total. */
async function fullPage(store: Store, sort: string, window: { skip: number; limit: number }) {
  const page = projected(store.queries.get('list/talks-unfiltered'), 't', HEAD_PROPERTIES);
  const { query, params } = pruned(page, { sort, ...window });
  const nodes = (await store.engine.read(query, params)).map((r) => r.node as StoredNode);
  const [count] = await store.engine.read(store.queries.get('head/talks-total'), {});
  const ids = nodes.map((n) => n.id);
  const editions = await namesByTalk(store, 'talk/edition-name', ids);
  const companies = await namesByTalk(store, 'talk/company-names', ids);
  return {
    talks: nodes.map(fields),
    editions: ids.map((id) => editions.get(id)?.[0] ?? null),
    companies: ids.map((id) => companies.get(id) ?? []),
    total: Number(count?.count),
  };
}

/** A names statement's `id:name` texts by talk, in its order. */
async function namesByTalk(store: Store, name: string, ids: string[]) {
  const byTalk = new Map<string, string[]>();
  if (ids.length === 0) return byTalk;
  for (const row of await store.engine.read(store.queries.get(name), { ids })) {
    byTalk.set(String(row.key), [...(byTalk.get(String(row.key)) ?? []), `${row.id}:${row.name}`]);
  }
  return byTalk;
}

/** What a page's talk says, a missing card as null. */
const fields = (node: StoredNode) =>
  Object.fromEntries(HEAD_PROPERTIES.map((p) => [p, (node as Record<string, unknown>)[p] ?? null]));

/** The window as Repository.pageRows serves it, editions asked by id and name. */
async function servedPage(store: Store, sort: string, window: { skip: number; limit: number }) {
  const repo = new Repository(store.engine, store.queries);
  const page = await repo.pageRows(
    'talks',
    {},
    { sort, ...window },
    { counted: true, withEditions: true, editionNames: true, properties: [...HEAD_PROPERTIES] },
  );
  const named = (n: StoredNode) => `${n.id}:${n.name}`;
  return {
    talks: page.nodes.map(fields),
    editions: page.editions.map((e) => (e ? named(e) : null)),
    // Talk.companies' names come from each talk's card, held against the statement's.
    companies: page.nodes.map((n) =>
      (JSON.parse(String(n.companyRows)) as [string, string][]).map(([id, name]) => `${id}:${name}`),
    ),
    total: page.total,
    roundTrips: repo.stats.dbRoundTrips,
  };
}

describeEachEngine('stored first pages of the talks', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, FIXTURES);
  });
  afterAll(() => cleanup());

  const expectPagesAsTheFullStatement = async () => {
    for (const sort of TALK_ORDERS) {
      for (const window of WINDOWS) {
        const served = await servedPage(store, sort, window);
        const full = await fullPage(store, sort, window);
        const { roundTrips, ...page } = served;
        expect({ sort, window, ...page }).toEqual({ sort, window, ...full });
        // One statement: the stored page, its total included.
        expect(roundTrips).toBe(1);
      }
    }
  };

  it('answers each order and window as the full statement does, in one statement', async () => {
    const full = await fullPage(store, 'NEWEST', { skip: 0, limit: 20 });
    expect(full.talks).toHaveLength(20);
    expect(full.talks.every((t) => typeof t.participantRows === 'string')).toBe(true);
    await expectPagesAsTheFullStatement();
  });

  it('sends a page’s talks once per stamp: the next reads use the page parsed then', async () => {
    const head = store.queries.get('head/talks');
    const id = headId('NEWEST');
    const [first] = await store.engine.read(head, { head: id, known: NO_STAMP });
    expect(Array.isArray(first!.talks)).toBe(true);
    const kept = parsedHead(first)!;
    expect(kept.talks).toHaveLength(Math.min(HEAD_SIZE, kept.total));
    const [again] = await store.engine.read(head, { head: id, known: kept.stamp });
    expect(again!.talks).toBeNull();
    expect(again!.headStamp).toBe(kept.stamp);
    expect(parsedHead(again, kept)).toBe(kept);
    // Without the kept page, a row without talks answers nothing.
    expect(parsedHead(again)).toBeNull();
    const [other] = await store.engine.read(head, { head: id, known: 'another stamp' });
    expect(other!.talks).toEqual(first!.talks);
  });

  it('follows a batched load that changes the graph', async () => {
    const changed = mutatedFixtures((files) => {
      // Renaming the first talk by title moves it in the TITLE order, and drops one talk;
      // a company and an edition renamed change the names stored with the talks.
      files.talks[0].title = 'zzz renamed talk';
      files.talks.pop();
      files.companies[0].name = 'Zzz Renamed Company';
      files.editions[0].name = 'Zzz Renamed Edition';
    });
    await loadFixtures(store.engine, store.queries, changed, { reset: true });
    const titles = (await servedPage(store, 'TITLE', { skip: 0, limit: HEAD_SIZE })).talks.map(
      (t) => t.title,
    );
    expect(titles).toContain('zzz renamed talk');
    await expectPagesAsTheFullStatement();
    await loadFixtures(store.engine, store.queries, FIXTURES, { reset: true });
    await expectPagesAsTheFullStatement();
  });

  it('leaves a page to the full statement once the store was stamped without storing them', async () => {
    // What a write by an earlier version does: a new stamp, the pages left as they were.
    await store.engine.write((tx) =>
      tx.run(store.queries.get('load/stamp'), { stamp: 'an earlier version', derives: false }),
    );
    for (const sort of TALK_ORDERS) {
      const served = await servedPage(store, sort, { skip: 0, limit: 20 });
      const full = await fullPage(store, sort, { skip: 0, limit: 20 });
      expect(served.talks).toEqual(full.talks);
      expect(served.editions).toEqual(full.editions);
      expect(served.companies).toEqual(full.companies);
      expect(served.total).toBe(full.total);
      // The stored page, refused, then the page and its count.
      expect(served.roundTrips).toBeGreaterThan(1);
    }
    // A store written before them has none, or pages of an earlier layout under the
    // current stamp: the full statement answers, and the start stores them.
    await store.engine.write(async (tx) => {
      await tx.run(adHocQuery('drop-heads', 'MATCH (p:TalkPage) DETACH DELETE p'), {});
      await tx.run(
        adHocQuery(
          'old-layout-head',
          "MATCH (s:LoadStamp {id: 'graph'}) CREATE (:TalkPage {id: 'NEWEST', stamp: s.stamp, total: 1})",
        ),
        {},
      );
    });
    expect((await servedPage(store, 'NEWEST', { skip: 0, limit: 20 })).roundTrips).toBeGreaterThan(1);
    // The service's start stores them again (src/server/service.ts), once, and removes the old ones.
    expect(await completeTalkHeads(store.engine, store.queries)).toBe(true);
    expect(await completeTalkHeads(store.engine, store.queries)).toBe(false);
    await expectPagesAsTheFullStatement();
    const pages = await store.engine.read(adHocQuery('head-ids', 'MATCH (p:TalkPage) RETURN p.id AS id'), {});
    expect(pages.map((p) => p.id).sort()).toEqual(TALK_ORDERS.map(headId).sort());
    // As does any later stamped write.
    await store.engine.write((tx) =>
      tx.run(store.queries.get('load/stamp'), { stamp: 'an earlier version, again', derives: false }),
    );
    await loadFixtures(store.engine, store.queries, FIXTURES);
    await expectPagesAsTheFullStatement();
  });
});

describe('which windows a stored page answers', () => {
  const all = [...HEAD_PROPERTIES];
  it('answers the talk orders, within HEAD_SIZE, for the properties it holds', () => {
    expect(headAnswers('NEWEST', { skip: 0, limit: 20 }, ['id', 'title'])).toBe(true);
    expect(headAnswers('TITLE', { skip: HEAD_SIZE - 10, limit: 10 }, all)).toBe(true);
    expect(headAnswers('OLDEST', { skip: HEAD_SIZE - 10, limit: 11 }, all)).toBe(false);
    expect(headAnswers('TALKS', { skip: 0, limit: 20 }, all)).toBe(false);
    expect(headAnswers(null, { skip: 0, limit: 20 }, all)).toBe(false);
    // searchText: a column no field reads.
    expect(headAnswers('NEWEST', { skip: 0, limit: 20 }, [...all, 'searchText'])).toBe(false);
    expect(headAnswers('NEWEST', { skip: 0, limit: 20 }, undefined)).toBe(false);
    // Editions by id and name only: a whole edition is not stored.
    expect(headAnswers('NEWEST', { skip: 0, limit: 20 }, all, 'names')).toBe(true);
    expect(headAnswers('NEWEST', { skip: 0, limit: 20 }, all, 'whole')).toBe(false);
  });

  it('holds every property a Talk field reads', () => {
    const read = new Set(Object.values(TALK_PROPERTIES).flat());
    expect([...read].filter((p) => !all.includes(p as (typeof all)[number]))).toEqual([]);
  });

  it('never trusts a stored page: one that is not a list of stored talks answers nothing', () => {
    const talk = { node: { id: 'talk:a', title: 'A' }, edition: ['edition:e', 'E'] };
    const row = (talks: unknown) => ({ stamp: 's', headStamp: 's', total: 1, talks });
    const window = { skip: 0, limit: 20 };
    const parsed = parsedHead(row([JSON.stringify(talk)]))!;
    expect(headWindow(parsed, window, ['id', 'title'])).toEqual({
      talks: [{ id: 'talk:a', title: 'A' }],
      editions: [['edition:e', 'E']],
      total: 1,
    });
    for (const bad of [
      'not json',
      JSON.stringify({ ...talk, node: { title: 'no id' } }),
      JSON.stringify({ ...talk, edition: ['edition:e'] }),
      JSON.stringify({ ...talk, node: 'talk:a' }),
      JSON.stringify(null),
    ]) {
      expect(parsedHead(row([bad]))).toBeNull();
    }
    expect(parsedHead(row(null))).toBeNull();
    expect(parsedHead({ ...row([JSON.stringify(talk)]), headStamp: 'older' })).toBeNull();
    // A row without talks is the kept page's only under the kept page's stamp.
    expect(parsedHead(row(null), parsed)).toBe(parsed);
    expect(parsedHead(row(null), { ...parsed, stamp: 'other' })).toBeNull();
    expect(parsedHead({ ...row(null), stamp: 't', headStamp: 't' }, parsed)).toBeNull();
  });

  it('freezes a parsed page, which every request reads while its stamp lasts', () => {
    const talk = { node: { id: 'talk:a', sources: ['article:x#p1'] }, edition: ['edition:e', 'E'] };
    const parsed = parsedHead({ stamp: 's', headStamp: 's', total: 1, talks: [JSON.stringify(talk)] })!;
    const [first] = parsed.talks;
    expect(() => (first!.node.sources as string[]).push('article:y#p2')).toThrow(TypeError);
    expect(() => {
      first!.node.id = 'talk:b';
    }).toThrow(TypeError);
    expect(headWindow(parsed, { skip: 0, limit: 1 }, ['id', 'sources']).talks).toEqual([
      { id: 'talk:a', sources: ['article:x#p1'] },
    ]);
  });
});
