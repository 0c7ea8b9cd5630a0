/** Fixture validation: every kind of problem is found and named as `file: path: what is wrong`. */
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILE_MAX_BYTES, MAX_DEPTH, readFixtureDir } from '../../src/load/fixtures';
import { NAME_MAX, TEXT_MAX } from '../../src/load/fixture-schema';
import { formatProblem, validate } from '../../src/load/validate';
import { MINI_FIXTURES } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Files = Record<string, any>;

const problemsOf = (mutate: (f: Files) => void) => {
  const dir = mutatedFixtures(mutate);
  try {
    const result = validate(readFixtureDir(dir));
    return {
      errors: result.errors.map(formatProblem),
      warnings: result.warnings.map(formatProblem),
      ok: !!result.fixtures,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('fixture validation', () => {
  it('accepts the mini fixtures with no error and no warning', () => {
    const result = validate(readFixtureDir(MINI_FIXTURES));
    expect(result.errors.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([]);
    expect(result.fixtures?.talks).toHaveLength(4);
  });

  it.each<[string, (f: Files) => void, string]>([
    [
      'a reference to a missing person',
      (f) => (f.talks[0].participants[0].personId = 'person:jane-doe'),
      'talks.json: [0].participants[0].personId: no person with id person:jane-doe',
    ],
    [
      'a reference of the wrong kind',
      (f) => (f.talks[0].editionId = 'company:lyft'),
      'talks.json: [0].editionId: must name a edition (got company:lyft)',
    ],
    [
      'a duplicate id across records',
      (f) => f.people.push({ ...f.people[0] }),
      'people.json: [5].id: duplicate id person:matt-klein (also in people.json)',
    ],
    [
      'a malformed id',
      (f) => (f.people[0].id = 'person:Matt Klein'),
      'people.json: [0].id: must be an id like person:lowercase-slug (got "person:Matt Klein")',
    ],
    [
      'an unknown enum value',
      (f) => (f.talks[0].kind = 'SERMON'),
      'talks.json: [0].kind: must be one of KEYNOTE, TALK, PANEL, LIGHTNING_TALK, WORKSHOP, OTHER (got "SERMON")',
    ],
    [
      'a wrong type',
      (f) => (f.editions[1].attendees = '12000'),
      'editions.json: [1].attendees: must be a whole number ≥ 0',
    ],
    [
      'a bad date',
      (f) => (f.editions[0].startDate = '2018-13-45'),
      'editions.json: [0].startDate: must be a date YYYY-MM-DD (got "2018-13-45")',
    ],
    ['a missing required field', (f) => delete f.companies[0].name, 'companies.json: [0].name: is required'],
    [
      'an unexpected field',
      (f) => (f.companies[0].nmae = 'Lyft'),
      'companies.json: [0].nmae: unexpected field',
    ],
    [
      'a fact with no provenance',
      (f) => (f.talks[0].mentions[0].sources = []),
      'talks.json: [0].mentions[0].sources: needs at least one citation, or a `reference` note for public data',
    ],
    [
      'a citation of a missing article',
      (f) => (f.talks[0].sources[0].article = 'article:nowhere'),
      'talks.json: [0].sources[0].article: no article with id article:nowhere',
    ],
    [
      'a malformed locator',
      (f) => (f.talks[0].sources[0].locator = 'paragraph 3'),
      'talks.json: [0].sources[0].locator: "paragraph 3" is not a paragraph locator like ¶12 or ¶4 § Section',
    ],
    [
      'a null company without "unknown"',
      (f) => (f.affiliations[0].companyId = null),
      'affiliations.json: [0].companyId: is null: set "unknown": true when the recap names no company',
    ],
    [
      'a file that is not an array',
      (f) => (f.figures = { id: 'x' }),
      'figures.json: (file): must be a JSON array of records',
    ],
    ['a file that is not JSON', (f) => (f.backs = '[{'), 'backs.json: (file): not valid JSON'],
    // Deep enough to overflow the stack of a recursive walk, not JSON.parse's.
    [
      'a value nested 5,000 deep',
      (f) => (f.figures = `[{"x": ${'['.repeat(5000)}${']'.repeat(5000)}}]`),
      `figures.json: (file): nests arrays or objects more than ${MAX_DEPTH} deep`,
    ],
    // Deep enough to overflow JSON.parse itself.
    [
      'a value nested 1,000,000 deep',
      (f) => (f.figures = `[${'['.repeat(1e6)}${']'.repeat(1e6)}]`),
      `figures.json: (file): nests arrays or objects more than ${MAX_DEPTH} deep`,
    ],
    [
      `a value nested ${MAX_DEPTH} deep, as any unexpected field`,
      (f) => (f.figures[0].x = JSON.parse(`${'['.repeat(MAX_DEPTH - 2)}${']'.repeat(MAX_DEPTH - 2)}`)),
      'figures.json: [0].x: unexpected field',
    ],
    [
      `a value nested ${MAX_DEPTH + 1} deep`,
      (f) => (f.figures[0].x = JSON.parse(`${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}`)),
      `figures.json: (file): nests arrays or objects more than ${MAX_DEPTH} deep`,
    ],
  ])('reports %s', (_what, mutate, expected) => {
    const { errors, ok } = problemsOf(mutate);
    expect(ok).toBe(false);
    expect(errors.some((e) => e.startsWith(expected))).toBe(true);
  });

  it('reports every problem at once, not only the first', () => {
    const { errors } = problemsOf((f) => {
      f.talks[0].kind = 'SERMON';
      f.people[1].name = '';
      f.backs[0].projectId = 'project:nothing';
    });
    expect(errors).toHaveLength(3);
  });

  it('reports a missing file', () => {
    const dir = mutatedFixtures(() => undefined);
    rmSync(join(dir, 'talks.json'));
    const result = validate(readFixtureDir(dir));
    expect(result.errors.map(formatProblem)).toEqual([
      'talks.json: (file): file is missing (write [] for none)',
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('warns about curation gaps without refusing the data', () => {
    const { warnings, ok } = problemsOf((f) => {
      f.affiliations = f.affiliations.filter((a: { personId: string }) => a.personId !== 'person:matt-klein');
      f.articles[0].mentions = [];
    });
    expect(ok).toBe(true);
    expect(warnings).toContain(
      'talks.json: [0].participants[0]: person:matt-klein has no affiliation (or "unknown") at edition:kubecon-eu-2018',
    );
  });

  describe('input caps (nothing oversized, mis-encoded or prototype-shaped is accepted)', () => {
    it(`caps names and titles at ${NAME_MAX} characters`, () => {
      const { errors, ok } = problemsOf((f) => {
        f.people[0].name = 'n'.repeat(NAME_MAX + 1);
        f.talks[0].title = 't'.repeat(NAME_MAX);
      });
      expect(ok).toBe(false);
      expect(errors).toEqual([
        `people.json: [0].name: is ${NAME_MAX + 1} characters long: at most ${NAME_MAX} allowed`,
      ]);
    });

    it(`refuses a 10 MB text (texts are capped at ${TEXT_MAX} characters)`, () => {
      const { errors, ok } = problemsOf((f) => (f.talks[0].summary = 'x'.repeat(10_000_000)));
      expect(ok).toBe(false);
      expect(errors).toEqual([
        `talks.json: [0].summary: is 10000000 characters long: at most ${TEXT_MAX} allowed`,
      ]);
    });

    it('refuses a file over 20 MiB without reading it', () => {
      const dir = mutatedFixtures(() => undefined);
      try {
        truncateSync(join(dir, 'figures.json'), FILE_MAX_BYTES + 1); // sparse: nothing to write
        expect(validate(readFixtureDir(dir)).errors.map(formatProblem)).toEqual([
          `figures.json: (file): is ${FILE_MAX_BYTES + 1} bytes: at most ${FILE_MAX_BYTES} (20 MiB) are read`,
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses a file that is not valid UTF-8, saying where', () => {
      const dir = mutatedFixtures(() => undefined);
      try {
        const text = readFileSync(join(dir, 'people.json'), 'utf8');
        const at = text.indexOf('Matt');
        // 0xC3 must start a two-byte sequence; 0x28 "(" cannot continue it.
        const bytes = Buffer.concat([
          Buffer.from(text.slice(0, at)),
          Buffer.from([0xc3, 0x28]),
          Buffer.from(text.slice(at)),
        ]);
        writeFileSync(join(dir, 'people.json'), bytes);
        const result = validate(readFixtureDir(dir));
        expect(result.fixtures).toBeUndefined();
        const line = text.slice(0, at).split('\n').length;
        expect(result.errors.map(formatProblem)).toEqual([
          `people.json: (file): not valid UTF-8 (line ${line}, near byte ${Buffer.byteLength(text.slice(0, at))})`,
        ]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it.each([
      ['__proto__', 'people.json', '[0].__proto__'],
      ['constructor', 'talks.json', '[0].participants[0].constructor'],
      ['prototype', 'companies.json', '[1].prototype'],
    ])('refuses a %s key wherever it is (JSON.parse keeps it as an own key)', (key, file, path) => {
      const { errors, ok } = problemsOf((f) => {
        const name = file.replace('.json', '');
        // Written as raw text: an object literal would set the prototype instead of a key.
        const json = JSON.stringify(f[name], null, 2);
        const target = name === 'talks' ? '"personId"' : '"id"';
        const cut =
          name === 'companies' ? json.indexOf(target, json.indexOf(target) + 1) : json.indexOf(target);
        f[name] = `${json.slice(0, cut)}"${key}": { "polluted": true }, ${json.slice(cut)}`;
      });
      expect(ok).toBe(false);
      expect(errors).toEqual([`${file}: ${path}: "${key}" is not allowed as a key`]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});

describe('sponsorship validation', () => {
  const cited = (article: string, locator = '¶2') => [{ article, locator }];

  it('accepts a cited sponsorship, and a reference-only one', () => {
    const { errors, ok } = problemsOf((f) => {
      f.sponsorships.push({
        companyId: 'company:spotify',
        editionId: 'edition:kubecon-na-2019',
        sources: cited('article:alterway-kubecon-na-2019'),
      });
    });
    expect(errors).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each<[string, (f: Files) => void, string]>([
    [
      'a sponsor that is not a company',
      (f) => (f.sponsorships[0].companyId = 'person:matt-klein'),
      'sponsorships.json: [0].companyId: must name a company (got person:matt-klein)',
    ],
    [
      'a sponsorship with neither citation nor reference',
      (f) => {
        f.sponsorships[0].sources = [];
        delete f.sponsorships[0].reference;
      },
      'sponsorships.json: [0].sources: needs at least one citation, or a `reference` note for public data',
    ],
    [
      'the same company sponsoring the same edition twice',
      (f) => f.sponsorships.push({ ...f.sponsorships[0] }),
      'sponsorships.json: [1]: duplicate sponsorship of edition:kubecon-na-2019 by company:google',
    ],
    [
      'a citation from a recap of another edition',
      (f) => (f.sponsorships[0].sources = cited('article:xebia-kubecon-eu-2018-day-2')),
      'sponsorships.json: [0].sources[0]: article:xebia-kubecon-eu-2018-day-2 does not cover edition:kubecon-na-2019',
    ],
    [
      'an unknown field',
      (f) => (f.sponsorships[0].level = 'gold'),
      'sponsorships.json: [0].level: unexpected field',
    ],
    [
      'a co-located event that is not a string',
      (f) => (f.talks[0].colocatedEvent = 42),
      'talks.json: [0].colocatedEvent: must be a non-empty string',
    ],
  ])('reports %s', (_what, mutate, expected) => {
    const { errors, ok } = problemsOf(mutate);
    expect(ok).toBe(false);
    expect(errors).toContain(expected);
  });
});
