/**
 * The load plan (src/load/plan/): lazy, re-readable for a retried
 * transaction, readable once and then empty for the bulk path, and in an
 * order every write path can follow (nodes before the relationships that join them).
 */
import { readFixtureDir, type Fixtures } from '../../src/load/fixtures';
import { planLoad, type WriteGroup } from '../../src/load/plan';
import { LOAD_TARGETS } from '../../src/load/plan/targets';
import { validate } from '../../src/load/validate';
import { MINI_FIXTURES } from '../helpers/engines';

const mini = (): Fixtures => {
  const result = validate(readFixtureDir(MINI_FIXTURES));
  if (!result.fixtures) throw new Error('mini fixtures are invalid');
  return result.fixtures;
};

const summary = (groups: Iterable<WriteGroup>) =>
  [...groups].map((g) => ({ query: g.query, rows: JSON.stringify(g.rows) }));

describe('load plan', () => {
  it('gives the same groups each time it is read, as a retried transaction needs', () => {
    const plan = planLoad(mini());
    const first = summary(plan);
    expect(first.length).toBeGreaterThan(10);
    expect(summary(plan)).toEqual(first);
  });

  it('gives the same groups once through consume(), then refuses to be read again', () => {
    const f = mini();
    const expected = summary(planLoad(f));
    const plan = planLoad(f);
    expect(summary(plan.consume())).toEqual(expected);
    expect(() => [...plan]).toThrow(/consumed/);
    expect(() => plan.consume()).toThrow(/consumed/);
  });

  it('produces groups as they are read, not all before the first', () => {
    const f = mini();
    // A record kind read only by a late producer: sponsorships (relationships), long after the nodes.
    const iterator = planLoad(f).consume()[Symbol.iterator]();
    const first = iterator.next();
    expect(first.done).toBe(false);
    // Producers that have not run yet cannot see what happens to the fixtures now.
    f.sponsorships.length = 0;
    const rest = [first.value as WriteGroup];
    for (let next = iterator.next(); !next.done; next = iterator.next()) rest.push(next.value);
    expect(rest.some((g) => g.query === 'load/sponsored')).toBe(false);
    expect(summary(planLoad(mini())).some((g) => g.query === 'load/sponsored')).toBe(true);
  });

  it('writes every node table before any relationship, and each query once', () => {
    const queries = [...planLoad(mini())].map((g) => g.query);
    expect(new Set(queries).size).toBe(queries.length);
    const isRel = (q: string) => LOAD_TARGETS[q]!.from !== undefined;
    const derived = ['load/link', 'load/link-page'];
    const lastNode = Math.max(...queries.map((q, i) => (isRel(q) || derived.includes(q) ? -1 : i)));
    const firstRel = queries.findIndex(isRel);
    expect(lastNode).toBeLessThan(firstRel);
    // Link summaries and their pages have no relationships: they come last, from the relationships' rows.
    expect(queries.slice(-2)).toEqual(derived);
  });
});
