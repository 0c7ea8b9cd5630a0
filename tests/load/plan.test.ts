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
    const isRel = (q: string) => LOAD_TARGETS[q]!.from !== undefined;
    // The records alone (a batched load): in the order MERGE needs.
    const records = [...planLoad(mini()).records()].map((g) => g.query);
    expect(new Set(records).size).toBe(records.length);
    const lastNode = Math.max(...records.map((q, i) => (isRel(q) ? -1 : i)));
    expect(lastNode).toBeLessThan(records.findIndex(isRel));
    expect(records).toContain('load/talk');
    // The whole plan (a load into an empty store): the talks, editions, companies and projects come
    // after the relationships their cards are made of, then the link summaries and their
    // pages, which have no relationships; the bulk writer copies node tables first whatever the order.
    const groups = [...planLoad(mini())];
    const queries = groups.map((g) => g.query);
    expect(new Set(queries).size).toBe(queries.length);
    const derived = [
      'load/talk',
      'load/edition',
      'load/company',
      'load/project',
      'load/link',
      'load/link-page',
    ];
    const lastOtherNode = Math.max(...queries.map((q, i) => (isRel(q) || derived.includes(q) ? -1 : i)));
    expect(lastOtherNode).toBeLessThan(queries.findIndex(isRel));
    expect(queries.slice(-6)).toEqual(derived);
    // Each with its card, as a batched load derives them from the graph (src/load/recard.ts).
    const cards = (query: string, column: string) =>
      groups.find((g) => g.query === query)!.rows.map((r) => typeof r[column]);
    expect(new Set(cards('load/project', 'companyRows'))).toEqual(new Set(['string']));
    expect(new Set(cards('load/company', 'projectRows'))).toEqual(new Set(['string']));
    expect(new Set(cards('load/edition', 'companyRows'))).toEqual(new Set(['string']));
    expect([...queries].sort()).toEqual([...records, 'load/link', 'load/link-page'].sort());
  });

  it('gives every talk its card with the whole plan, and none with the records alone', () => {
    const talksOf = (groups: Iterable<WriteGroup>) => [...groups].find((g) => g.query === 'load/talk')!.rows;
    const carded = talksOf(planLoad(mini()));
    expect(carded).toHaveLength(4);
    for (const talk of carded) {
      expect(JSON.parse(String(talk.participantRows))).toEqual(expect.any(Array));
      expect(JSON.parse(String(talk.projectRows))).toEqual(expect.any(Array));
      expect(JSON.parse(String(talk.companyRows))).toEqual(expect.any(Array));
    }
    // Matt Klein speaks at the Envoy deep dive, affiliated with Lyft at its edition; Envoy is mentioned.
    const envoy = carded.find((t) => t.id === 'talk:envoy-internals-deep-dive')!;
    expect(JSON.parse(String(envoy.participantRows))).toEqual([
      ['person:matt-klein', 'Matt Klein', 'SPEAKER', 'edition:kubecon-eu-2018', 'company:lyft', 'Lyft'],
    ]);
    expect(JSON.parse(String(envoy.projectRows))).toContainEqual(['project:envoy', 'Envoy']);
    for (const talk of talksOf(planLoad(mini()).records())) {
      expect(talk).not.toHaveProperty('participantRows');
      expect(talk).not.toHaveProperty('projectRows');
      expect(talk).not.toHaveProperty('companyRows');
    }
  });
});
