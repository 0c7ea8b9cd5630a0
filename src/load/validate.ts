/**
 * Fixture validation: shape, types, enums, id formats, references between
 * files and duplicate ids, all checked before anything is written.
 *
 * Each problem is reported as `file: path: what is wrong`, e.g.
 * `talks.json: [3].participants[0].personId: no person with id person:jane`.
 * Problems are errors (the load refuses to write) or warnings (curation gaps
 * the load tolerates but the fixture test refuses: a speaker with no
 * affiliation, an article nobody cites).
 */
import type { FixtureFile, Fixtures, RawFixtures } from './fixtures';
import { FIXTURE_FILES } from './fixtures';
import { ID_PATTERN, type KindPrefix } from '../store/kinds';

export interface Problem {
  file: string;
  path: string;
  message: string;
}

export interface ValidationResult {
  errors: Problem[];
  warnings: Problem[];
  /** Present only when there are no errors. */
  fixtures?: Fixtures;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path}: ${p.message}`;
}

const ENUMS = {
  region: ['NORTH_AMERICA', 'EUROPE', 'CHINA', 'JAPAN', 'INDIA', 'LATIN_AMERICA', 'OTHER'],
  format: ['IN_PERSON', 'VIRTUAL', 'HYBRID'],
  talkKind: ['KEYNOTE', 'TALK', 'PANEL', 'LIGHTNING_TALK', 'WORKSHOP', 'OTHER'],
  role: ['SPEAKER', 'PANELIST', 'MODERATOR', 'HOST'],
  maturity: ['SANDBOX', 'INCUBATING', 'GRADUATED', 'ARCHIVED'],
  announcementKind: ['RELEASE', 'MATURITY_CHANGE', 'LAUNCH', 'DONATION', 'OTHER'],
  backingKind: ['CREATED', 'MAINTAINS', 'DEVELOPS', 'DONATED'],
} as const;

type Field =
  | {
      t: 'string' | 'text' | 'int' | 'number' | 'bool' | 'date' | 'url' | 'strings' | 'locators';
      opt?: boolean;
    }
  | { t: 'enum'; values: readonly string[]; opt?: boolean }
  | { t: 'ref'; kinds: readonly KindPrefix[]; opt?: boolean; nullable?: boolean }
  | { t: 'refs'; kinds: readonly KindPrefix[] }
  | { t: 'sources' }
  | { t: 'list'; of: Shape }
  | { t: 'ownId'; kind: KindPrefix };
type Shape = Record<string, Field>;

const sourced: Shape = { sources: { t: 'sources' }, reference: { t: 'text', opt: true } };

const SHAPES: Record<FixtureFile, Shape> = {
  editions: {
    id: { t: 'ownId', kind: 'edition' },
    name: { t: 'string' },
    year: { t: 'int' },
    region: { t: 'enum', values: ENUMS.region },
    format: { t: 'enum', values: ENUMS.format },
    city: { t: 'string', opt: true },
    country: { t: 'string', opt: true },
    startDate: { t: 'date', opt: true },
    endDate: { t: 'date', opt: true },
    attendees: { t: 'int', opt: true },
    aliases: { t: 'strings' },
    ...sourced,
  },
  articles: {
    id: { t: 'ownId', kind: 'article' },
    title: { t: 'string' },
    language: { t: 'string' },
    publisherId: { t: 'ref', kinds: ['company'] },
    authors: { t: 'strings' },
    personIds: { t: 'refs', kinds: ['person'] },
    editionId: { t: 'ref', kinds: ['edition'] },
    url: { t: 'url', opt: true },
    publishedOn: { t: 'date', opt: true },
    covers: { t: 'string', opt: true },
    series: { t: 'string', opt: true },
    seed: { t: 'string' },
    mentions: {
      t: 'list',
      of: { targetId: { t: 'ref', kinds: ['project', 'company', 'person'] }, locators: { t: 'locators' } },
    },
  },
  companies: {
    id: { t: 'ownId', kind: 'company' },
    name: { t: 'string' },
    aliases: { t: 'strings' },
    homepage: { t: 'url', opt: true },
    reference: { t: 'text', opt: true },
  },
  projects: {
    id: { t: 'ownId', kind: 'project' },
    name: { t: 'string' },
    aliases: { t: 'strings' },
    cncf: { t: 'bool' },
    maturity: { t: 'enum', values: ENUMS.maturity, opt: true },
    homepage: { t: 'url', opt: true },
    description: { t: 'text', opt: true },
    reference: { t: 'text', opt: true },
  },
  people: { id: { t: 'ownId', kind: 'person' }, name: { t: 'string' }, aliases: { t: 'strings' } },
  talks: {
    id: { t: 'ownId', kind: 'talk' },
    title: { t: 'string' },
    originalTitle: { t: 'string', opt: true },
    kind: { t: 'enum', values: ENUMS.talkKind },
    editionId: { t: 'ref', kinds: ['edition'] },
    day: { t: 'date', opt: true },
    summary: { t: 'text', opt: true },
    ...sourced,
    participants: {
      t: 'list',
      of: { personId: { t: 'ref', kinds: ['person'] }, role: { t: 'enum', values: ENUMS.role }, ...sourced },
    },
    companies: { t: 'list', of: { companyId: { t: 'ref', kinds: ['company'] }, ...sourced } },
    mentions: { t: 'list', of: { targetId: { t: 'ref', kinds: ['project', 'company'] }, ...sourced } },
  },
  affiliations: {
    personId: { t: 'ref', kinds: ['person'] },
    companyId: { t: 'ref', kinds: ['company'], nullable: true },
    unknown: { t: 'bool', opt: true },
    editionId: { t: 'ref', kinds: ['edition'] },
    jobTitle: { t: 'string', opt: true },
    ...sourced,
  },
  backs: {
    companyId: { t: 'ref', kinds: ['company'] },
    projectId: { t: 'ref', kinds: ['project'] },
    kind: { t: 'enum', values: ENUMS.backingKind },
    ...sourced,
  },
  announcements: {
    id: { t: 'ownId', kind: 'announcement' },
    kind: { t: 'enum', values: ENUMS.announcementKind },
    description: { t: 'text' },
    editionId: { t: 'ref', kinds: ['edition'] },
    projectIds: { t: 'refs', kinds: ['project'] },
    companyIds: { t: 'refs', kinds: ['company'] },
    maturity: { t: 'enum', values: ENUMS.maturity, opt: true },
    version: { t: 'string', opt: true },
    ...sourced,
  },
  figures: {
    id: { t: 'ownId', kind: 'figure' },
    editionId: { t: 'ref', kinds: ['edition'] },
    label: { t: 'string' },
    value: { t: 'number' },
    unit: { t: 'string', opt: true },
    ...sourced,
  },
};

export const LOCATOR_PATTERN = /^¶[1-9]\d*( § .+)?$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function validate(raw: RawFixtures): ValidationResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const ids = new Map<string, string>(); // id → file that defines it
  const pendingRefs: { file: string; path: string; id: string; kinds: readonly KindPrefix[] }[] = [];

  for (const file of FIXTURE_FILES) {
    const entry = raw[file];
    const fileName = `${file}.json`;
    if (!entry.ok) {
      errors.push({ file: fileName, path: '(file)', message: entry.error });
      continue;
    }
    if (!Array.isArray(entry.data)) {
      errors.push({ file: fileName, path: '(file)', message: 'must be a JSON array of records' });
      continue;
    }
    entry.data.forEach((record, i) =>
      checkRecord(
        record,
        SHAPES[file],
        `[${i}]`,
        (path, message) => errors.push({ file: fileName, path, message }),
        {
          defineId: (id, path) => {
            const previous = ids.get(id);
            if (previous)
              errors.push({ file: fileName, path, message: `duplicate id ${id} (also in ${previous})` });
            else ids.set(id, fileName);
          },
          // Only references not yet satisfied wait for the end: at 1000× data, keeping every
          // reference (millions, each with its path) was most of the validator's memory.
          refer: (id, path, kinds) => {
            if (!ids.has(id)) pendingRefs.push({ file: fileName, path, id, kinds });
          },
        },
      ),
    );
  }

  for (const ref of pendingRefs) {
    if (!ids.has(ref.id)) {
      const kind = ref.id.slice(0, ref.id.indexOf(':')) || ref.kinds.join('/');
      errors.push({ file: ref.file, path: ref.path, message: `no ${kind} with id ${ref.id}` });
    }
  }
  if (errors.length > 0) return { errors, warnings };

  const fixtures = Object.fromEntries(
    FIXTURE_FILES.map((f) => [f, (raw[f] as { data: unknown }).data]),
  ) as unknown as Fixtures;
  crossChecks(fixtures, errors, warnings);
  return errors.length > 0 ? { errors, warnings } : { errors, warnings, fixtures };
}

interface Hooks {
  defineId(id: string, path: string): void;
  refer(id: string, path: string, kinds: readonly KindPrefix[]): void;
}

function checkRecord(
  record: unknown,
  shape: Shape,
  path: string,
  report: (path: string, message: string) => void,
  hooks: Hooks,
): void {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    report(path, 'must be an object');
    return;
  }
  const r = record as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!(key in shape)) report(`${path}.${key}`, 'unexpected field');
  for (const [key, field] of Object.entries(shape)) {
    const value = r[key];
    const at = `${path}.${key}`;
    const absent = value === undefined || value === null;
    if (field.t === 'sources') {
      const hasReference = typeof r.reference === 'string' && r.reference.trim() !== '';
      if (absent || (Array.isArray(value) && value.length === 0)) {
        if (!hasReference) report(at, 'needs at least one citation, or a `reference` note for public data');
        continue;
      }
      if (!Array.isArray(value)) {
        report(at, 'must be a list of { article, locator }');
        continue;
      }
      value.forEach((c, i) =>
        checkRecord(
          c,
          { article: { t: 'ref', kinds: ['article'] }, locator: { t: 'string' } },
          `${at}[${i}]`,
          report,
          hooks,
        ),
      );
      value.forEach((c, i) => {
        const locator = (c as { locator?: unknown })?.locator;
        if (typeof locator === 'string' && !LOCATOR_PATTERN.test(locator)) {
          report(`${at}[${i}].locator`, `"${locator}" is not a paragraph locator like ¶12 or ¶4 § Section`);
        }
      });
      continue;
    }
    if (absent) {
      const optional =
        ('opt' in field && field.opt) || (field.t === 'ref' && field.nullable && value === null);
      if (!optional) report(at, value === null ? 'must not be null' : 'is required');
      continue;
    }
    checkField(value, field, at, report, hooks);
  }
}

function checkField(
  value: unknown,
  field: Field,
  at: string,
  report: (path: string, message: string) => void,
  hooks: Hooks,
): void {
  switch (field.t) {
    case 'string':
    case 'text':
      if (typeof value !== 'string' || value.trim() === '') report(at, 'must be a non-empty string');
      return;
    case 'int':
      if (!Number.isInteger(value) || (value as number) < 0) report(at, 'must be a whole number ≥ 0');
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) report(at, 'must be a number');
      return;
    case 'bool':
      if (typeof value !== 'boolean') report(at, 'must be true or false');
      return;
    case 'date':
      if (typeof value !== 'string' || !DATE_PATTERN.test(value) || Number.isNaN(Date.parse(value))) {
        report(at, `must be a date YYYY-MM-DD (got ${JSON.stringify(value)})`);
      }
      return;
    case 'url':
      if (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value)) report(at, 'must be an http(s) URL');
      return;
    case 'strings':
    case 'locators':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
        report(at, 'must be a list of non-empty strings');
      } else if (field.t === 'locators') {
        if (value.length === 0) report(at, 'needs at least one locator');
        value.forEach((v, i) => {
          if (!LOCATOR_PATTERN.test(v)) report(`${at}[${i}]`, `"${v}" is not a paragraph locator like ¶12`);
        });
      }
      return;
    case 'enum':
      if (typeof value !== 'string' || !field.values.includes(value)) {
        report(at, `must be one of ${field.values.join(', ')} (got ${JSON.stringify(value)})`);
      }
      return;
    case 'ownId':
      if (typeof value !== 'string' || !ID_PATTERN.test(value) || !value.startsWith(`${field.kind}:`)) {
        report(at, `must be an id like ${field.kind}:lowercase-slug (got ${JSON.stringify(value)})`);
      } else hooks.defineId(value, at);
      return;
    case 'ref':
      checkRef(value, field.kinds, at, report, hooks);
      return;
    case 'refs':
      if (!Array.isArray(value)) report(at, 'must be a list of ids');
      else value.forEach((v, i) => checkRef(v, field.kinds, `${at}[${i}]`, report, hooks));
      return;
    case 'list':
      if (!Array.isArray(value)) report(at, 'must be a list');
      else value.forEach((v, i) => checkRecord(v, field.of, `${at}[${i}]`, report, hooks));
      return;
    case 'sources':
      return; // handled by checkRecord, which needs the sibling `reference`
  }
}

function checkRef(
  value: unknown,
  kinds: readonly KindPrefix[],
  at: string,
  report: (path: string, message: string) => void,
  hooks: Hooks,
): void {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    report(at, `must be an id (got ${JSON.stringify(value)})`);
    return;
  }
  const prefix = value.slice(0, value.indexOf(':')) as KindPrefix;
  if (!kinds.includes(prefix)) {
    report(at, `must name a ${kinds.join(' or ')} (got ${value})`);
    return;
  }
  hooks.refer(value, at, kinds);
}

/** Checks that need the whole data set: consistency between files and curation gaps. */
function crossChecks(f: Fixtures, errors: Problem[], warnings: Problem[]): void {
  f.affiliations.forEach((a, i) => {
    if (a.companyId === null && a.unknown !== true) {
      errors.push({
        file: 'affiliations.json',
        path: `[${i}].companyId`,
        message: 'is null: set "unknown": true when the recap names no company',
      });
    }
    if (a.companyId !== null && a.unknown === true) {
      errors.push({
        file: 'affiliations.json',
        path: `[${i}].unknown`,
        message: 'is true but a companyId is given',
      });
    }
  });
  f.editions.forEach((e, i) => {
    if (e.startDate && e.endDate && e.endDate < e.startDate) {
      errors.push({ file: 'editions.json', path: `[${i}].endDate`, message: 'is before startDate' });
    }
  });
  const editionOf = new Map(f.talks.map((t) => [t.id, t.editionId]));
  const affiliated = new Set(f.affiliations.map((a) => `${a.personId}@${a.editionId}`));
  f.talks.forEach((t, i) => {
    t.participants.forEach((p, j) => {
      if (!affiliated.has(`${p.personId}@${editionOf.get(t.id)}`)) {
        warnings.push({
          file: 'talks.json',
          path: `[${i}].participants[${j}]`,
          message: `${p.personId} has no affiliation (or "unknown") at ${t.editionId}`,
        });
      }
    });
  });
  const cited = new Set<string>();
  JSON.stringify(f, (key, value) => {
    if (key === 'article' && typeof value === 'string') cited.add(value);
    return value;
  });
  f.articles.forEach((a, i) => {
    if (!cited.has(a.id) && a.mentions.length === 0) {
      warnings.push({ file: 'articles.json', path: `[${i}]`, message: `${a.id} is never cited` });
    }
  });
}
