/**
 * Integrity of the real curated fixtures (fixtures/*.json) against themselves
 * and against the five seed articles they are drawn from.
 *
 * The loader's validation (tests/load) proves the checks work on small
 * hand-made data; this suite runs them, and a few more that need the seed
 * texts, on the data the product actually ships. Every assertion lists the
 * offending records, so a red run says what to fix.
 *
 * The seeds are not in this repository: they are read from SEEDS_DIR (default
 * ../shared/seeds, see tests/helpers/seeds.ts). Without them the seed-dependent
 * tests are skipped with a notice; with REQUIRE_SEEDS=1 (CI) they fail instead,
 * rather than passing without having looked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFixtureDir } from '../../src/load/fixtures';
import type { Citation, Fixtures } from '../../src/load/fixtures';
import { formatProblem, validate } from '../../src/load/validate';
import { PROJECT_ROOT } from '../../src/paths';
import { fold } from '../../src/text';
import { seedsStatus } from '../helpers/seeds';

const FIXTURES_DIR = join(PROJECT_ROOT, 'fixtures');
const SEEDS = seedsStatus();
const SEEDS_DIR = SEEDS.dir;

const validation = validate(readFixtureDir(FIXTURES_DIR));

/** The validated fixtures; the tests that need them fail here, once the validation test has said why. */
function fixtures(): Fixtures {
  if (!validation.fixtures) {
    throw new Error(
      `${FIXTURES_DIR} does not validate (see the validation test): nothing else can be checked`,
    );
  }
  return validation.fixtures;
}

let seedCache: Map<string, string[]> | undefined;
/** Paragraphs of every seed file, by file name: the non-empty lines, so that `¶N` is index N-1. */
function seeds(): Map<string, string[]> {
  if (seedCache) return seedCache;
  if (SEEDS.mode !== 'present') throw new Error(SEEDS.mode === 'fail' ? SEEDS.reason : SEEDS.notice);
  seedCache = new Map(
    readdirSync(SEEDS_DIR)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => [
        name,
        readFileSync(join(SEEDS_DIR, name), 'utf8')
          .split('\n')
          // A line of spaces or no-break spaces is a paragraph: only truly empty lines are skipped.
          .filter((line) => line.length > 0),
      ]),
  );
  return seedCache;
}

/** Seed 001 is a few very long lines, so a paragraph number alone does not point anywhere useful. */
const LONG_LINE_SEED = '001_36759591411d6b48.txt';
/** Seed 004 lists its talks in a table of contents before their sections. */
const TOC_SEED = '004_21a03ec457f6f101.txt';

interface Located extends Citation {
  /** Where the citation sits in the fixtures, for failure messages. */
  where: string;
}

/** Every citation in the fixtures: each `{ article, locator }` object, and each locator of an article mention. */
function allCitations(f: Fixtures): Located[] {
  const out: Located[] = [];
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${where}[${i}]`));
    } else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (typeof record.article === 'string' && typeof record.locator === 'string') {
        out.push({ where, article: record.article, locator: record.locator });
        return;
      }
      for (const [key, v] of Object.entries(record)) walk(v, `${where}.${key}`);
    }
  };
  for (const [file, records] of Object.entries(f)) walk(records, file);
  f.articles.forEach((a, i) =>
    a.mentions.forEach((m, j) =>
      m.locators.forEach((locator, k) =>
        out.push({ where: `articles[${i}].mentions[${j}].locators[${k}]`, article: a.id, locator }),
      ),
    ),
  );
  return out;
}

function parseLocator(locator: string): { paragraph: number; section?: string } | undefined {
  const match = /^¶(\d+)(?: § (.+))?$/.exec(locator);
  if (!match) return undefined;
  return { paragraph: Number(match[1]), section: match[2] };
}

/** The seed file an article id stands for. */
function seedOf(f: Fixtures, articleId: string): string | undefined {
  return f.articles.find((a) => a.id === articleId)?.seed;
}

/** The paragraph a citation points to, or undefined when there is none. */
function paragraphOf(f: Fixtures, c: Citation): string | undefined {
  const seed = seedOf(f, c.article);
  const parsed = parseLocator(c.locator);
  if (!seed || !parsed) return undefined;
  return seeds().get(seed)?.[parsed.paragraph - 1];
}

/**
 * Whether folded `text` contains folded `name` as a whole word run, so that a
 * short alias ("LF", "X") cannot pass by sitting inside another word.
 */
function printsName(text: string, name: string): boolean {
  const needle = fold(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${needle}(?![\\p{L}\\p{N}])`, 'u').test(fold(text));
}

/**
 * Citations that legitimately do not print the cited entity's name, keyed
 * `talkId subjectId article locator`. Each needs a reason.
 */
const SPOT_CHECK_EXCEPTIONS = new Set<string>([
  // Seed 003 is written in the first person ("Nick Jackson et moi"): the author,
  // identified as Daniel Bryant by a `reference` on the participation, is never named.
  'talk:datawire-hashicorp-end-user-to-service-connectivity person:daniel-bryant article:datawire-kubecon-eu-2019-takeaways ¶16',
]);

/**
 * Talks the recaps report without naming who gave them, and for which no
 * public schedule entry could be confirmed to credit a speaker or company.
 */
const ORPHAN_TALK_EXCEPTIONS = new Set<string>([
  // Seed 003 ¶30 credits it to "les gars de Knative" only; crediting a company would be a guess.
  'talk:extending-knative-for-fun-and-profit',
]);

describe('the curated fixtures', () => {
  it('pass the loader validation with no error and no warning', () => {
    expect(validation.errors.map(formatProblem)).toEqual([]);
    expect(validation.warnings.map(formatProblem)).toEqual([]);
  });

  it('define every id once, across all files', () => {
    const f = fixtures();
    const seen = new Map<string, string[]>();
    for (const [file, records] of Object.entries(f) as [string, { id?: unknown }[]][]) {
      records.forEach((r, i) => {
        if (typeof r.id === 'string') seen.set(r.id, [...(seen.get(r.id) ?? []), `${file}[${i}]`]);
      });
    }
    const duplicates = [...seen]
      .filter(([, at]) => at.length > 1)
      .map(([id, at]) => `${id}: ${at.join(', ')}`);
    expect(duplicates).toEqual([]);
  });

  it('refer only to ids that exist', () => {
    const f = fixtures();
    const ids = new Set<string>();
    for (const records of Object.values(f) as { id?: unknown }[][]) {
      for (const r of records) if (typeof r.id === 'string') ids.add(r.id);
    }
    // Listed by hand rather than by walking field names, so that a new reference field is a deliberate addition here.
    const refs: [string, string | null][] = [
      ...f.articles.flatMap((a, i): [string, string][] => [
        [`articles[${i}].publisherId`, a.publisherId],
        [`articles[${i}].editionId`, a.editionId],
        ...a.personIds.map((p, j): [string, string] => [`articles[${i}].personIds[${j}]`, p]),
        ...a.mentions.map((m, j): [string, string] => [`articles[${i}].mentions[${j}].targetId`, m.targetId]),
      ]),
      ...f.talks.flatMap((t, i): [string, string][] => [
        [`talks[${i}].editionId`, t.editionId],
        ...t.participants.map((p, j): [string, string] => [
          `talks[${i}].participants[${j}].personId`,
          p.personId,
        ]),
        ...t.companies.map((c, j): [string, string] => [
          `talks[${i}].companies[${j}].companyId`,
          c.companyId,
        ]),
        ...t.mentions.map((m, j): [string, string] => [`talks[${i}].mentions[${j}].targetId`, m.targetId]),
      ]),
      ...f.affiliations.flatMap((a, i): [string, string | null][] => [
        [`affiliations[${i}].personId`, a.personId],
        [`affiliations[${i}].companyId`, a.companyId],
        [`affiliations[${i}].editionId`, a.editionId],
      ]),
      ...f.backs.flatMap((b, i): [string, string][] => [
        [`backs[${i}].companyId`, b.companyId],
        [`backs[${i}].projectId`, b.projectId],
      ]),
      ...f.announcements.flatMap((a, i): [string, string][] => [
        [`announcements[${i}].editionId`, a.editionId],
        ...a.projectIds.map((p, j): [string, string] => [`announcements[${i}].projectIds[${j}]`, p]),
        ...a.companyIds.map((c, j): [string, string] => [`announcements[${i}].companyIds[${j}]`, c]),
      ]),
      ...f.figures.map((x, i): [string, string] => [`figures[${i}].editionId`, x.editionId]),
      ...f.sponsorships.flatMap((x, i): [string, string][] => [
        [`sponsorships[${i}].companyId`, x.companyId],
        [`sponsorships[${i}].editionId`, x.editionId],
      ]),
      ...allCitations(f).map((c): [string, string] => [`${c.where}.article`, c.article]),
    ];
    // A null company is the explicit "unknown" affiliation, checked by validation.
    const dangling = refs.filter(([, id]) => id !== null && !ids.has(id)).map(([at, id]) => `${at}: ${id}`);
    expect(dangling).toEqual([]);
  });

  it('have no orphan talk: each has an edition and someone (a participant or a credited company) who gave it', () => {
    const f = fixtures();
    const editions = new Set(f.editions.map((e) => e.id));
    const orphans = f.talks
      .filter(
        (t) =>
          !editions.has(t.editionId) ||
          (t.participants.length + t.companies.length === 0 && !ORPHAN_TALK_EXCEPTIONS.has(t.id)),
      )
      .map(
        (t) =>
          `${t.id} (edition ${t.editionId}, ${t.participants.length} participant(s), ${t.companies.length} company credit(s))`,
      );
    expect(orphans).toEqual([]);
  });

  it('cite every article at least once', () => {
    const f = fixtures();
    const cited = new Set(allCitations(f).map((c) => c.article));
    expect(f.articles.filter((a) => !cited.has(a.id)).map((a) => a.id)).toEqual([]);
  });

  it("give every talk participant an affiliation (or an explicit unknown) at the talk's edition", () => {
    const f = fixtures();
    const affiliated = new Set(f.affiliations.map((a) => `${a.personId}@${a.editionId}`));
    const missing = f.talks.flatMap((t) =>
      t.participants
        .filter((p) => !affiliated.has(`${p.personId}@${t.editionId}`))
        .map((p) => `${p.personId} in ${t.id} (${t.editionId})`),
    );
    expect(missing).toEqual([]);
  });
});

if (SEEDS.mode === 'skip') console.warn(SEEDS.notice);
/** Skipped (with the notice above) when the seeds are absent; with REQUIRE_SEEDS=1 every test fails instead. */
const describeWithSeeds = SEEDS.mode === 'skip' ? describe.skip : describe;
/** The same, for a seed-dependent test inside a suite that otherwise needs no seed. */
const itWithSeeds = SEEDS.mode === 'skip' ? it.skip : it;
const SEED_SUITE = `the fixtures against the seed articles${SEEDS.mode === 'skip' ? ' [skipped: no seeds]' : ''}`;

describeWithSeeds(SEED_SUITE, () => {
  it('name an existing seed file for every article', () => {
    const f = fixtures();
    const files = seeds();
    expect(f.articles.filter((a) => !files.has(a.seed)).map((a) => `${a.id}: ${a.seed}`)).toEqual([]);
  });

  it('cite only paragraphs that exist', () => {
    const f = fixtures();
    const bad = allCitations(f)
      .filter((c) => paragraphOf(f, c) === undefined)
      .map((c) => `${c.where}: ${c.article} ${c.locator}`);
    expect(bad).toEqual([]);
  });

  it('name, in every seed 001 locator, a section whose text is in the cited paragraph', () => {
    const f = fixtures();
    seeds(); // so that missing seeds fail here, not pass on an empty paragraph lookup
    const bad = allCitations(f)
      .filter((c) => seedOf(f, c.article) === LONG_LINE_SEED)
      .filter((c) => {
        const section = parseLocator(c.locator)?.section;
        const paragraph = paragraphOf(f, c);
        return !section || paragraph === undefined || !fold(paragraph).includes(fold(section));
      })
      .map((c) => `${c.where}: ${c.article} ${c.locator}`);
    expect(bad).toEqual([]);
  });

  it('name, in any other locator that has a section, a section whose text is in the cited paragraph', () => {
    const f = fixtures();
    seeds(); // so that missing seeds fail here too, even when no locator has a section
    const bad = allCitations(f)
      .filter(
        (c) => seedOf(f, c.article) !== LONG_LINE_SEED && parseLocator(c.locator)?.section !== undefined,
      )
      .filter((c) => {
        const paragraph = paragraphOf(f, c);
        return (
          paragraph === undefined || !fold(paragraph).includes(fold(parseLocator(c.locator)?.section ?? ''))
        );
      })
      .map((c) => `${c.where}: ${c.article} ${c.locator}`);
    expect(bad).toEqual([]);
  });

  it('print the name (or an alias) of each participant, credited company and mentioned entity where they are cited', () => {
    const f = fixtures();
    const namesOf = new Map<string, string[]>(
      [...f.people, ...f.companies, ...f.projects].map((e) => [e.id, [e.name, ...e.aliases]]),
    );
    const toc = seeds().get(TOC_SEED) ?? [];
    const bad: string[] = [];
    f.talks.forEach((t, i) => {
      // In seed 004 a speaker's name or company is printed in the table of contents, not always in the section.
      const tocLine = toc.find((line) => fold(line).includes(fold(t.title)));
      const check = (subject: string, citations: readonly Citation[] | null | undefined, where: string) => {
        for (const c of citations ?? []) {
          if (SPOT_CHECK_EXCEPTIONS.has(`${t.id} ${subject} ${c.article} ${c.locator}`)) continue;
          const texts = [paragraphOf(f, c) ?? ''];
          if (seedOf(f, c.article) === TOC_SEED && tocLine) texts.push(tocLine);
          const candidates = namesOf.get(subject) ?? [subject];
          if (!texts.some((text) => candidates.some((n) => printsName(text, n)))) {
            bad.push(`talks[${i}] ${t.id}.${where}: ${subject} not named in ${c.article} ${c.locator}`);
          }
        }
      };
      t.participants.forEach((p, j) => check(p.personId, p.sources, `participants[${j}]`));
      t.companies.forEach((c, j) => check(c.companyId, c.sources, `companies[${j}]`));
      t.mentions.forEach((m, j) => check(m.targetId, m.sources, `mentions[${j}]`));
    });
    expect(bad).toEqual([]);
  });
});

/**
 * French renderings whose English schedule title could not be confirmed, so
 * they keep no `originalTitle`. Each needs a reason.
 */
const NO_ORIGINAL_TITLE_FOUND = new Set<string>([
  // Seed 003 ¶38: the only English title found belongs to a Weaveworks webinar panel, not a KubeCon session.
  'talk:gitops-ci-cd-panel-weaveworks-cloudbees',
  // Seed 003 ¶41: one of several sessions Cheryl Hung led; which schedule entry it is was not confirmed.
  'talk:cheryl-hung-transforming-the-enterprise',
]);

/**
 * Rule 7: a talk's `reference` names a record a reader can open again (a web
 * address or a repository path such as `github.com/owner/repo`), or says in so
 * many words that the fact was not confirmed against a public record.
 */
const NAMED_SOURCE = /\b[\w-]+(\.[\w-]+)*\.(com|io|dev|org|net|nz|co|uk|fr)\b/i;
const UNCONFIRMED = /not confirmed against a public record/i;

/** Words that only a French rendering of a title contains (the recaps' English titles have none). */
const FRENCH_WORDS =
  /(^|[\s'’])(le|la|les|l|de|des|du|et|à|avec|pour|dans|en|un|une|comment|au)(?=[\s'’:]|$)/iu;

describe('the curation rules (fixtures/README.md, "Curation rules")', () => {
  it('keep no "Keynote" prefix in titles: the kind says it', () => {
    const bad = fixtures()
      .talks.filter((t) => [t.title, t.originalTitle ?? ''].some((x) => /^\[?\s*keynotes?\b/i.test(x)))
      .map((t) => `${t.id}: ${t.title}`);
    expect(bad).toEqual([]);
  });

  itWithSeeds('make KEYNOTE every talk a recap prints under a "Keynote" heading', () => {
    const f = fixtures();
    const bad = f.talks
      .filter((t) => t.kind !== 'KEYNOTE')
      .filter((t) =>
        (t.sources ?? []).some((c) => {
          const paragraph = fold(paragraphOf(f, c) ?? '');
          const heading = new RegExp(`keynote[a-z ]{0,25}\\s*:\\s*${escape(fold(t.title))}`);
          return heading.test(paragraph);
        }),
      )
      .map((t) => `${t.id} (${t.kind}): ${t.title}`);
    expect(bad).toEqual([]);
  });

  it('keep a bracketed description only where no schedule title is recorded', () => {
    const bad = fixtures()
      .talks.filter((t) => /^\[.*\]$/.test(t.title) && t.originalTitle)
      .map((t) => `${t.id}: ${t.title} (schedule title: ${t.originalTitle})`);
    expect(bad).toEqual([]);
    const malformed = fixtures()
      .talks.filter((t) => /[[\]]/.test(t.title) && !/^\[[^[\]]+\]$/.test(t.title))
      .map((t) => t.title);
    expect(malformed).toEqual([]);
  });

  it('give every French rendering its English originalTitle, or say why none is known', () => {
    const bad = fixtures()
      .talks.filter((t) => !/^\[/.test(t.title) && FRENCH_WORDS.test(t.title))
      .filter((t) => !t.originalTitle && !NO_ORIGINAL_TITLE_FOUND.has(t.id))
      .map((t) => `${t.id}: ${t.title}`);
    expect(bad).toEqual([]);
    // An exemption that gained an original title (or a talk that left) must leave the list.
    const stale = [...NO_ORIGINAL_TITLE_FOUND].filter(
      (id) => !fixtures().talks.some((t) => t.id === id && !t.originalTitle),
    );
    expect(stale).toEqual([]);
  });

  it('name where each talk reference fact comes from, or say it is unconfirmed', () => {
    const bad = fixtures()
      .talks.filter((t) => t.reference)
      .filter((t) => !NAMED_SOURCE.test(t.reference ?? '') && !UNCONFIRMED.test(t.reference ?? ''))
      .map((t) => `${t.id}: ${t.reference}`);
    expect(bad).toEqual([]);
  });

  itWithSeeds('cite every sponsor in a recap of that edition, in a paragraph that prints its name', () => {
    const f = fixtures();
    const names = new Map(f.companies.map((c) => [c.id, [c.name, ...c.aliases]]));
    const covers = new Map(f.articles.map((a) => [a.id, a.editionId]));
    const bad: string[] = [];
    f.sponsorships.forEach((s, i) => {
      if ((s.sources ?? []).length === 0) bad.push(`sponsorships[${i}] ${s.companyId}: no citation`);
      for (const c of s.sources ?? []) {
        const paragraph = paragraphOf(f, c);
        if (paragraph === undefined) bad.push(`sponsorships[${i}]: ${c.article} ${c.locator} does not exist`);
        else if (!(names.get(s.companyId) ?? []).some((n) => printsName(paragraph, n)))
          bad.push(`sponsorships[${i}]: ${s.companyId} not named in ${c.article} ${c.locator}`);
        if (covers.get(c.article) !== s.editionId)
          bad.push(`sponsorships[${i}]: ${c.article} does not cover ${s.editionId}`);
      }
    });
    expect(bad).toEqual([]);
  });

  it('record the sponsors the recaps show exhibiting: the EU 2024 sponsor tour and the Datawire booth at EU 2019', () => {
    const bySponsor = (edition: string) =>
      fixtures()
        .sponsorships.filter((s) => s.editionId === edition)
        .map((s) => s.companyId)
        .sort();
    expect(bySponsor('edition:kubecon-eu-2024')).toEqual(
      [
        'company:canonical',
        'company:isovalent',
        'company:mirantis',
        'company:nirmata',
        'company:otterize',
        'company:ovhcloud',
        'company:postman',
        'company:rancher-labs',
        'company:victoriametrics',
      ].sort(),
    );
    expect(bySponsor('edition:kubecon-eu-2019')).toEqual(['company:datawire']);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
