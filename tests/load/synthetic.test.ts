/**
 * The synthetic generator: valid, deterministic, and with the real fan-out
 * (every per-record relationship count multiplied by exactly the scale).
 */
import { join } from 'node:path';
import { readFixtureDir, type Fixtures } from '../../src/load/fixtures';
import { synthesize } from '../../src/load/synthetic';
import { validate } from '../../src/load/validate';
import { planLoad } from '../../src/load/plan';
import { PROJECT_ROOT } from '../../src/paths';

const real = (): Fixtures => {
  const result = validate(readFixtureDir(join(PROJECT_ROOT, 'fixtures')));
  if (!result.fixtures) throw new Error('real fixtures are invalid');
  return result.fixtures;
};

describe('synthetic fixtures', () => {
  it('are valid, with every record and every derived relationship multiplied by the scale', () => {
    const f = real();
    const scaled = synthesize(f, 3);
    const result = validate(
      JSON.parse(
        JSON.stringify(
          Object.fromEntries(Object.entries(scaled).map(([k, v]) => [k, { ok: true, data: v }])),
        ),
      ),
    );
    expect(result.errors).toEqual([]);
    const once = [...planLoad(f)];
    const thrice = [...planLoad(result.fixtures!)];
    expect(thrice.map((g) => g.query)).toEqual(once.map((g) => g.query));
    for (const group of once) {
      expect(thrice.find((g) => g.query === group.query)?.rows.length).toBe(3 * group.rows.length);
    }
  });

  it('keeps the real data as copy 0 and is deterministic', () => {
    const f = real();
    const a = synthesize(f, 2);
    expect(a.talks.slice(0, f.talks.length)).toEqual(f.talks);
    expect(a.talks[f.talks.length]!.id).toBe(`${f.talks[0]!.id}-s1`);
    expect(a.talks[f.talks.length]!.editionId).toBe(`${f.talks[0]!.editionId}-s1`);
    expect(JSON.stringify(synthesize(f, 2))).toBe(JSON.stringify(a));
  });
});
