/**
 * Fixture validation, all before anything is written. Each file is checked
 * against its schema (fixture-schema.ts: shape, types, enums, id formats,
 * size caps); what no single-record schema can say is checked here:
 * forbidden keys, references between files, duplicate ids, provenance on
 * every fact, and consistency between records.
 *
 * Each problem is reported as `file: path: what is wrong`, e.g.
 * `talks.json: [3].participants[0].personId: no person with id person:jane`.
 * Problems are errors (the load refuses to write) or warnings (curation gaps
 * the load tolerates but the fixture test refuses: a speaker with no
 * affiliation, an article nobody cites).
 */
import { z } from 'zod';
import type { FixtureFile, Fixtures, RawFixtures } from './fixtures';
import { FIXTURE_FILES } from './fixtures';
import { fileSchema, OWN_ID, RECORDS, REFERENCE, SOURCED } from './fixture-schema';
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

/**
 * Keys that would reach an object's prototype if the data were ever merged
 * into one: JSON.parse keeps `"__proto__"` as an own key, so they are looked
 * for explicitly and refused wherever they appear.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `[3].participants[0].personId` from zod's path segments. */
function pathOf(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return '(file)';
  return segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('');
}

/** Absent and null values, which the field schemas leave to this map. */
function missingValue(issue: { code: string; input?: unknown }): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'is required';
  if (issue.input === null) return 'must not be null';
  return undefined;
}

/**
 * Schema problems of one file, one per path (the first is the one that matters).
 * An array is checked record by record, with the same messages and paths as the
 * whole-file schema: zod's parse builds a copy of what it checks, and a copy of
 * a 1000× file at once was hundreds of MB of garbage; one record's copy is
 * freed by the next minor GC.
 */
function schemaProblems(file: FixtureFile, data: unknown): Problem[] {
  const fileName = `${file}.json`;
  const problems = new Map<string, Problem>();
  const collect = (issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]) => {
    for (const issue of issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = pathOf([...prefix, ...issue.path, key]);
          if (!problems.has(path)) problems.set(path, { file: fileName, path, message: 'unexpected field' });
        }
        continue;
      }
      const path = pathOf([...prefix, ...issue.path]);
      if (!problems.has(path)) problems.set(path, { file: fileName, path, message: issue.message });
    }
  };
  if (!Array.isArray(data)) {
    const result = fileSchema(file).safeParse(data, { error: missingValue });
    if (!result.success) collect(result.error.issues, []);
  } else {
    const schema = RECORDS[file];
    data.forEach((record: unknown, i) => {
      const result = schema.safeParse(record, { error: missingValue });
      if (!result.success) collect(result.error.issues, [i]);
    });
  }
  return [...problems.values()];
}

/**
 * Keys refused anywhere in a file. The path is a stack of segments shared by
 * the whole walk and turned into text only for a key it reports: building a
 * string per value visited was a large share of a 1000× load's validation.
 */
function forbiddenKeys(file: string, value: unknown, at: PropertyKey[], out: Problem[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      forbiddenKeys(file, value[i], at, out);
      at.pop();
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      at.push(key);
      if (FORBIDDEN_KEYS.has(key))
        out.push({ file, path: pathOf(at), message: `"${key}" is not allowed as a key` });
      else forbiddenKeys(file, (value as Record<string, unknown>)[key], at, out);
      at.pop();
    }
  }
}

interface Walk {
  defineId(id: string, at: readonly PropertyKey[]): void;
  refer(id: string, at: readonly PropertyKey[], kinds: readonly KindPrefix[]): void;
  report(at: readonly PropertyKey[], message: string): void;
}

/** Unwraps optional and nullable wrappers down to the schema that carries the marks. */
function core(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

/** What walk needs of one schema, worked out once: walk visits every value of a load. */
interface WalkPlan {
  /** The kind of id this string defines (a record's own id). */
  readonly defines?: KindPrefix;
  /** The kinds this string may refer to. */
  readonly refers?: readonly KindPrefix[];
  readonly element?: WalkPlan;
  readonly fields?: readonly (readonly [string, WalkPlan])[];
  /** A fact that needs a citation or a `reference` note. */
  readonly sourced: boolean;
}

const walkPlans = new WeakMap<z.ZodType, WalkPlan>();

function walkPlan(schema: z.ZodType): WalkPlan {
  const known = walkPlans.get(schema);
  if (known) return known;
  const s = core(schema);
  const plan: WalkPlan = {
    defines: OWN_ID.get(s),
    refers: REFERENCE.get(s),
    element: s instanceof z.ZodArray ? walkPlan(s.element as z.ZodType) : undefined,
    fields:
      s instanceof z.ZodObject
        ? Object.entries(s.shape as Record<string, z.ZodType>).map(
            ([key, field]) => [key, walkPlan(field)] as const,
          )
        : undefined,
    sourced: SOURCED.has(s),
  };
  walkPlans.set(schema, plan);
  return plan;
}

/**
 * Walks a file's raw data along its schema, even where the schema check
 * failed, so that ids, references and provenance are checked everywhere a
 * value has the right type: every problem is reported at once. `at` is the
 * path, kept as in forbiddenKeys.
 */
function walk(plan: WalkPlan, value: unknown, at: PropertyKey[], w: Walk): void {
  if (typeof value === 'string') {
    if (!ID_PATTERN.test(value)) return; // the schema check already named the bad format
    if (plan.defines && value.startsWith(`${plan.defines}:`)) w.defineId(value, at);
    const kinds = plan.refers;
    if (kinds && kinds.some((k) => value.startsWith(`${k}:`))) w.refer(value, at, kinds);
    return;
  }
  if (plan.element && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      walk(plan.element, value[i], at, w);
      at.pop();
    }
    return;
  }
  if (plan.fields && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const [key, field] of plan.fields) {
      if (!Object.hasOwn(record, key)) continue;
      at.push(key);
      walk(field, record[key], at, w);
      at.pop();
    }
    if (plan.sourced) provenance(record, at, w);
  }
}

/** Every fact cites a recap paragraph, or carries a `reference` note for public data. */
function provenance(record: Record<string, unknown>, at: PropertyKey[], w: Walk): void {
  const sources = record.sources;
  const hasReference = typeof record.reference === 'string' && record.reference.trim() !== '';
  if ((sources == null || (Array.isArray(sources) && sources.length === 0)) && !hasReference) {
    w.report([...at, 'sources'], 'needs at least one citation, or a `reference` note for public data');
  }
}

/** Marks the kind of record a file defines (people.json → person), if its records have ids, as unchecked. */
function markUnchecked(file: keyof typeof RECORDS, unchecked: Set<KindPrefix>): void {
  const idField = (RECORDS[file].shape as Record<string, z.ZodType | undefined>).id;
  const kind = idField && OWN_ID.get(core(idField));
  if (kind) unchecked.add(kind);
}

export function validate(raw: RawFixtures): ValidationResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const ids = new Map<string, string>(); // id → file that defines it
  const pendingRefs: { file: string; path: string; id: string; kinds: readonly KindPrefix[] }[] = [];
  // Kinds whose defining file could not be read at all: references to them are not checked,
  // or one unreadable people.json would bury its own error under one per speaker.
  const unchecked = new Set<KindPrefix>();

  for (const file of FIXTURE_FILES) {
    const entry = raw[file];
    const fileName = `${file}.json`;
    if (!entry.ok) {
      errors.push({ file: fileName, path: '(file)', message: entry.error });
      markUnchecked(file, unchecked);
      continue;
    }
    const forbidden: Problem[] = [];
    forbiddenKeys(fileName, entry.data, [], forbidden);
    if (forbidden.length > 0) {
      // Nothing else in such a file is worth reading: it is refused whole.
      errors.push(...forbidden.map((p) => ({ ...p, path: p.path.replace(/^\./, '') })));
      markUnchecked(file, unchecked);
      continue;
    }
    errors.push(...schemaProblems(file, entry.data));
    if (!Array.isArray(entry.data)) continue;
    const w: Walk = {
      defineId: (id, at) => {
        const previous = ids.get(id);
        if (previous)
          errors.push({
            file: fileName,
            path: pathOf(at),
            message: `duplicate id ${id} (also in ${previous})`,
          });
        else ids.set(id, fileName);
      },
      // Only references not yet satisfied wait for the end: at 1000× data, keeping every
      // reference (millions, each with its path) was most of the validator's memory.
      refer: (id, at, kinds) => {
        if (!ids.has(id)) pendingRefs.push({ file: fileName, path: pathOf(at), id, kinds });
      },
      report: (at, message) => errors.push({ file: fileName, path: pathOf(at), message }),
    };
    const plan = walkPlan(RECORDS[file]);
    entry.data.forEach((record, i) => walk(plan, record, [i], w));
  }

  for (const ref of pendingRefs) {
    const kind = ref.id.slice(0, ref.id.indexOf(':')) as KindPrefix;
    if (!ids.has(ref.id) && !unchecked.has(kind)) {
      errors.push({ file: ref.file, path: ref.path, message: `no ${kind} with id ${ref.id}` });
    }
  }
  if (errors.length > 0) return { errors, warnings };

  const fixtures = Object.fromEntries(
    FIXTURE_FILES.map((f) => [f, (raw[f] as { data: unknown }).data]),
  ) as unknown as Fixtures;
  crossChecks(fixtures, errors, warnings);
  sponsorshipChecks(fixtures, errors);
  return errors.length > 0 ? { errors, warnings } : { errors, warnings, fixtures };
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
  citedArticles(f, cited);
  f.articles.forEach((a, i) => {
    if (!cited.has(a.id) && a.mentions.length === 0) {
      warnings.push({ file: 'articles.json', path: `[${i}]`, message: `${a.id} is never cited` });
    }
  });
}

/**
 * Adds every string under an `article` key, at any depth, to `out`: the articles
 * some citation names. Walked in place (a JSON.stringify replacer did the same,
 * but built the whole data set as one string: hundreds of MB at 1000×).
 */
function citedArticles(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) citedArticles(v, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'article' && typeof v === 'string') out.add(v);
      else citedArticles(v, out);
    }
  }
}

/**
 * Sponsorships: one record per (company, edition), and a recap cited for one
 * must cover that edition (a booth seen at Barcelona is no evidence for Paris).
 */
function sponsorshipChecks(f: Fixtures, errors: Problem[]): void {
  const covers = new Map(f.articles.map((a) => [a.id, a.editionId]));
  const seen = new Set<string>();
  f.sponsorships.forEach((s, i) => {
    const key = `${s.companyId}@${s.editionId}`;
    if (seen.has(key)) {
      errors.push({
        file: 'sponsorships.json',
        path: `[${i}]`,
        message: `duplicate sponsorship of ${s.editionId} by ${s.companyId}`,
      });
    }
    seen.add(key);
    (s.sources ?? []).forEach((c, j) => {
      if (covers.get(c.article) !== s.editionId) {
        errors.push({
          file: 'sponsorships.json',
          path: `[${i}].sources[${j}]`,
          message: `${c.article} does not cover ${s.editionId}`,
        });
      }
    });
  });
}
