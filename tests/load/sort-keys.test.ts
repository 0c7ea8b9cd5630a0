/**
 * The talks' stored sort keys (src/load/sort-keys.ts) order exactly as the
 * tuples they stand for (tests/load/backfill.test.ts: a store without them).
 */
import { join } from 'node:path';
import { talkSortKeys } from '../../src/load/sort-keys';
import { readFixtureDir } from '../../src/load/fixtures';
import { validate } from '../../src/load/validate';
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
