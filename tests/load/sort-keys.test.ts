/**
 * The talks' stored sort keys (src/load/sort-keys.ts) order exactly as the
 * tuples they stand for, and a store written without them gets them at start
 * (src/load/backfill.ts), on each engine.
 */
import { join } from 'node:path';
import { talkSortKeys } from '../../src/load/sort-keys';
import { keyUnkeyedTalks } from '../../src/load/backfill';
import { loadFixtures } from '../../src/load/load';
import { readFixtureDir } from '../../src/load/fixtures';
import { validate } from '../../src/load/validate';
import type { NamedQuery } from '../../src/store/queries';
import type { Store } from '../../src/store/open';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';
import { PROJECT_ROOT } from '../../src/paths';

interface Case {
  talk: { id: string; title: string; day?: string | null };
  edition: { id: string; year: number };
}

/** Code-point order, nulls last: how both engines compared the tuples the keys replace. */
const cmp = (a: string | number | null | undefined, b: string | number | null | undefined): number =>
  a === b ? 0 : a == null ? 1 : b == null ? -1 : a < b ? -1 : 1;
const byTuple = {
  newest: (x: Case, y: Case) => cmp(-x.edition.year, -y.edition.year) || rest(x, y),
  oldest: (x: Case, y: Case) => cmp(x.edition.year, y.edition.year) || rest(x, y),
  title: (x: Case, y: Case) =>
    cmp(x.talk.title.toLowerCase(), y.talk.title.toLowerCase()) || byTuple.newest(x, y),
};
function rest(x: Case, y: Case): number {
  return (
    cmp(x.edition.id, y.edition.id) ||
    cmp(x.talk.day, y.talk.day) ||
    cmp(x.talk.title, y.talk.title) ||
    cmp(x.talk.id, y.talk.id)
  );
}
const byKey = (key: 'newestKey' | 'oldestKey' | 'titleKey') => (x: Case, y: Case) =>
  cmp(talkSortKeys(x.talk, x.edition)[key], talkSortKeys(y.talk, y.edition)[key]);

function expectSameOrder(cases: Case[]): void {
  const ids = (list: Case[]) => list.map((c) => c.talk.id);
  expect(ids([...cases].sort(byKey('newestKey')))).toEqual(ids([...cases].sort(byTuple.newest)));
  expect(ids([...cases].sort(byKey('oldestKey')))).toEqual(ids([...cases].sort(byTuple.oldest)));
  expect(ids([...cases].sort(byKey('titleKey')))).toEqual(ids([...cases].sort(byTuple.title)));
}

describe('talk sort keys', () => {
  it('order the real fixtures as the five-key tuples did', () => {
    const { fixtures } = validate(readFixtureDir(join(PROJECT_ROOT, 'fixtures')));
    const editions = new Map(fixtures!.editions.map((e) => [e.id, e]));
    expectSameOrder(fixtures!.talks.map((t) => ({ talk: t, edition: editions.get(t.editionId)! })));
  });

  it('keep tuple order where concatenation would not: prefixes, missing days, case, far years', () => {
    const e = (id: string, year: number) => ({ id, year });
    const cases: Case[] = [
      { talk: { id: 't1', title: 'Ab', day: '2019-05-21' }, edition: e('edition:a', 2019) },
      { talk: { id: 't2', title: 'A', day: '2019-05-21' }, edition: e('edition:a', 2019) },
      { talk: { id: 't3', title: 'A b', day: null }, edition: e('edition:a', 2019) },
      { talk: { id: 't4', title: 'a', day: '2019-05-20' }, edition: e('edition:ab', 2019) },
      { talk: { id: 't5', title: 'Zed', day: '2019-05-20' }, edition: e('edition:a', 987) },
      { talk: { id: 't6', title: 'Zed', day: '2019-05-20' }, edition: e('edition:a', 20190) },
      { talk: { id: 't7', title: 'ab', day: '2019-05-21' }, edition: e('edition:b', 2024) },
      { talk: { id: 't8', title: 'A\u0001', day: '2019-05-21' }, edition: e('edition:a', 2019) },
      { talk: { id: 't9', title: 'Été', day: '2019-05-22' }, edition: e('edition:a', 2019) },
    ];
    expectSameOrder(cases.filter((c) => c.talk.id !== 't8'));
    // A control character U+0001 is dropped, not allowed to break the key's structure.
    expect(talkSortKeys(cases[7]!.talk, cases[7]!.edition).newestKey.split('\u0001')).toHaveLength(5);
  });
});

describeEachEngine('talk sort keys in a store written without them', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await engine.open());
  });
  afterEach(() => cleanup());

  const keysQuery: NamedQuery = {
    name: 'test/talk-keys',
    file: 'test/talk-keys',
    text: 'MATCH (t:Talk) RETURN t.id AS id, t.newestKey AS n, t.oldestKey AS o, t.titleKey AS k ORDER BY id',
    params: [],
    listParams: [],
  };
  const unkey: NamedQuery = {
    name: 'test/unkey',
    file: 'test/unkey',
    text: 'MATCH (t:Talk) SET t.newestKey = NULL, t.oldestKey = NULL, t.titleKey = NULL',
    params: [],
    listParams: [],
  };

  it('are stored by every load, and filled again at start when missing', async () => {
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    const loaded = await store.engine.read(keysQuery, {});
    expect(loaded).toHaveLength(4);
    expect(loaded.every((r) => typeof r.n === 'string' && typeof r.k === 'string')).toBe(true);
    expect(await keyUnkeyedTalks(store.engine, store.queries)).toBe(0);

    await store.engine.write((tx) => tx.run(unkey, {}));
    expect((await store.engine.read(keysQuery, {})).every((r) => r.n === null)).toBe(true);
    expect(await keyUnkeyedTalks(store.engine, store.queries)).toBe(4);
    expect(await store.engine.read(keysQuery, {})).toEqual(loaded);
  });
});
