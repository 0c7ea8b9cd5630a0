/**
 * The fixture format, described once with zod: each file's record shape,
 * types, enums, id formats and size caps. The TypeScript types in fixtures.ts
 * are inferred from it, the loader checks files against it (validate.ts), and
 * `npm run fixture-schema` emits it as JSON Schema in fixtures/schema/ for
 * editors. Checks that need more than one record (references, duplicate ids,
 * provenance) stay in validate.ts; the schemas below mark which fields hold
 * ids and references so that walk knows where to look.
 *
 * Messages are written for curators and keep the loader's
 * `file: path: what is wrong` form (see validate.ts).
 */
import { z } from 'zod';
import { KINDS, type KindPrefix } from '../store/kinds';

/** Size caps: names, titles and other one-line strings; free texts (summaries, descriptions, notes). */
export const NAME_MAX = 300;
export const TEXT_MAX = 5000;
const URL_MAX = 2000;

/**
 * Field-level messages apply to present values only: a missing or null value
 * yields to the parse-wide map in validate.ts ("is required", "must not be null").
 */
type Issue = { readonly input?: unknown };
const present =
  (message: string | ((input: unknown) => string)) =>
  (issue: Issue): string | undefined =>
    issue.input === undefined || issue.input === null
      ? undefined
      : typeof message === 'string'
        ? message
        : message(issue.input);
const got = (input: unknown) => JSON.stringify(input);

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const LOCATOR_PATTERN = /^¶[1-9]\d*( § .+)?$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function capped(max: number) {
  const message = 'must be a non-empty string';
  return z
    .string({ error: present(message) })
    .min(1, { error: message })
    .max(max, {
      error: (i: Issue) => `is ${String((i.input as string).length)} characters long: at most ${max} allowed`,
    })
    .refine((v) => v.trim() !== '', { error: message });
}

/** One-line strings: names, titles, labels, aliases. */
const name = () => capped(NAME_MAX);
/** Free text: summaries, descriptions, reference notes. */
const text = () => capped(TEXT_MAX);

const int = () => {
  const message = 'must be a whole number ≥ 0';
  return z
    .number({ error: present(message) })
    .int({ error: present(message) })
    .min(0, { error: message });
};

const date = () => {
  const message = (input: unknown) => `must be a date YYYY-MM-DD (got ${got(input)})`;
  return z
    .string({ error: present(message) })
    .regex(DATE_PATTERN, { error: present(message) })
    .refine((v) => !Number.isNaN(Date.parse(v)), { error: present(message) });
};

const url = () =>
  z
    .string({ error: present('must be an http(s) URL') })
    .max(URL_MAX, { error: `must be at most ${URL_MAX} characters` })
    .regex(/^https?:\/\/\S+$/, { error: 'must be an http(s) URL' });

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: present((input) => `must be one of ${values.join(', ')} (got ${got(input)})`) });

const locator = (hint: string) =>
  z
    .string({ error: present('must be a non-empty string') })
    .max(NAME_MAX, { error: `must be at most ${NAME_MAX} characters` })
    .regex(LOCATOR_PATTERN, {
      error: present((input) => `${got(input)} is not a paragraph locator like ${hint}`),
    });

/** Schemas of fields that define a record's id, and of fields that refer to other records. */
export const OWN_ID = new WeakMap<z.ZodType, KindPrefix>();
export const REFERENCE = new WeakMap<z.ZodType, readonly KindPrefix[]>();
/** Object schemas whose records state a fact: they need `sources` or a `reference` note. */
export const SOURCED = new WeakSet<z.ZodType>();

function ownId(kind: KindPrefix) {
  const schema = z
    .string({ error: present((input) => `must be an id like ${kind}:lowercase-slug (got ${got(input)})`) })
    .max(NAME_MAX, { error: `must be at most ${NAME_MAX} characters` })
    .regex(new RegExp(`^${kind}:${SLUG}$`), {
      error: present((input) => `must be an id like ${kind}:lowercase-slug (got ${got(input)})`),
    })
    .meta({ description: `This record's id, unique across all files: ${kind}:lowercase-slug.` });
  OWN_ID.set(schema, kind);
  return schema;
}

const ANY_ID = new RegExp(`^(${Object.keys(KINDS).join('|')}):${SLUG}$`);

function ref(kinds: readonly KindPrefix[]) {
  const schema = z
    .string({ error: present((input) => `must be an id (got ${got(input)})`) })
    .max(NAME_MAX, { error: `must be at most ${NAME_MAX} characters` })
    .regex(new RegExp(`^(${kinds.join('|')}):${SLUG}$`), {
      error: present((input) =>
        typeof input === 'string' && ANY_ID.test(input)
          ? `must name a ${kinds.join(' or ')} (got ${input})`
          : `must be an id (got ${got(input)})`,
      ),
    })
    .meta({
      description: `The id of ${/^[aeiou]/.test(kinds[0]!) ? 'an' : 'a'} ${kinds.join(' or ')} defined in the fixtures.`,
    });
  REFERENCE.set(schema, kinds);
  return schema;
}

const citation = z
  .strictObject({
    article: ref(['article']),
    locator: locator('¶12 or ¶4 § Section').meta({
      description: 'Paragraph of the seed: ¶N is its Nth non-empty line; ¶N § Section in long-line seeds.',
    }),
  })
  .meta({ description: 'Where a recap article states the fact.' });

/** A record that states facts: its citations, and/or a note for public reference data. */
function sourced<T extends z.ZodRawShape>(shape: T) {
  const schema = z.strictObject({
    ...shape,
    sources: z.array(citation).nullish().meta({
      description: 'Citations of the recaps stating this fact; may be empty only with a `reference`.',
    }),
    reference: text().nullish().meta({
      description: 'Where a public fact comes from when no recap states it (or what completes it).',
    }),
  });
  SOURCED.add(schema);
  return schema;
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

const names = () => z.array(name(), { error: present('must be a list of non-empty strings') });
const refs = (kinds: readonly KindPrefix[]) =>
  z.array(ref(kinds), { error: present('must be a list of ids') });
const list = <T extends z.ZodType>(of: T) => z.array(of, { error: present('must be a list') });

export const RECORDS = {
  editions: sourced({
    id: ownId('edition'),
    name: name(),
    year: int(),
    region: oneOf(ENUMS.region),
    format: oneOf(ENUMS.format),
    city: name().nullish(),
    country: name().nullish(),
    startDate: date().nullish(),
    endDate: date().nullish(),
    attendees: int().nullish(),
    aliases: names(),
  }),
  articles: z.strictObject({
    id: ownId('article'),
    title: name(),
    language: name(),
    publisherId: ref(['company']),
    authors: names(),
    personIds: refs(['person']),
    editionId: ref(['edition']),
    url: url().nullish(),
    publishedOn: date().nullish(),
    covers: name().nullish(),
    series: name().nullish(),
    seed: name(),
    mentions: list(
      z.strictObject({
        targetId: ref(['project', 'company', 'person']),
        locators: z
          .array(locator('¶12'), { error: present('must be a list of non-empty strings') })
          .min(1, { error: 'needs at least one locator' }),
      }),
    ),
  }),
  companies: z.strictObject({
    id: ownId('company'),
    name: name(),
    aliases: names(),
    homepage: url().nullish(),
    reference: text().nullish(),
  }),
  projects: z.strictObject({
    id: ownId('project'),
    name: name(),
    aliases: names(),
    cncf: z.boolean({ error: present('must be true or false') }),
    maturity: oneOf(ENUMS.maturity).nullish(),
    homepage: url().nullish(),
    description: text().nullish(),
    reference: text().nullish(),
  }),
  people: z.strictObject({ id: ownId('person'), name: name(), aliases: names() }),
  talks: sourced({
    id: ownId('talk'),
    title: name(),
    originalTitle: name().nullish(),
    kind: oneOf(ENUMS.talkKind),
    editionId: ref(['edition']),
    day: date().nullish(),
    /** Name of the co-located event (EnvoyCon…) the talk belongs to; absent for the main conference. */
    colocatedEvent: name().nullish(),
    summary: text().nullish(),
    participants: list(sourced({ personId: ref(['person']), role: oneOf(ENUMS.role) })),
    companies: list(sourced({ companyId: ref(['company']) })),
    mentions: list(sourced({ targetId: ref(['project', 'company']) })),
  }),
  affiliations: sourced({
    personId: ref(['person']),
    companyId: ref(['company']).nullable(),
    unknown: z.boolean({ error: present('must be true or false') }).nullish(),
    editionId: ref(['edition']),
    jobTitle: name().nullish(),
  }),
  backs: sourced({
    companyId: ref(['company']),
    projectId: ref(['project']),
    kind: oneOf(ENUMS.backingKind),
  }),
  announcements: sourced({
    id: ownId('announcement'),
    kind: oneOf(ENUMS.announcementKind),
    description: text(),
    editionId: ref(['edition']),
    projectIds: refs(['project']),
    companyIds: refs(['company']),
    maturity: oneOf(ENUMS.maturity).nullish(),
    version: name().nullish(),
  }),
  figures: sourced({
    id: ownId('figure'),
    editionId: ref(['edition']),
    label: name(),
    value: z.number({ error: present('must be a number') }),
    unit: name().nullish(),
  }),
  /** A company that sponsored or exhibited at an edition (`(Company)-[:SPONSORED]->(Edition)`). */
  sponsorships: sourced({
    companyId: ref(['company']),
    editionId: ref(['edition']),
    tier: name().nullish(),
    booth: name().nullish(),
  }),
} as const;

export type FixtureFile = keyof typeof RECORDS;

/** A whole file: a JSON array of records. */
export function fileSchema(file: FixtureFile) {
  return z.array(RECORDS[file], { error: present('must be a JSON array of records') });
}

/** The JSON Schema editors use for `<file>.json` (fixtures/schema/<file>.schema.json). */
export function jsonSchemaOf(file: FixtureFile): Record<string, unknown> {
  return {
    ...z.toJSONSchema(fileSchema(file), { target: 'draft-2020-12' }),
    $id: `${file}.schema.json`,
    title: `recap-graph fixtures: ${file}.json`,
    description: `Generated from src/load/fixture-schema.ts by \`npm run fixture-schema\`; do not edit. Cross-file rules (references, duplicate ids, provenance) are checked by \`npm run validate\`.`,
  };
}
