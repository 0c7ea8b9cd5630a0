/**
 * Deterministic synthetic fixtures for scale tests (`npm run bench -- --scale N`,
 * `npm run synth -- --scale N --out DIR`): N copies of the curated graph.
 * Copy 0 is the real data unchanged, so every id the examples and benchmarks
 * name still exists; copy k renames every id `…-sk` and every name or title
 * `… sk`, and points each reference at the same copy. The fan-out per record
 * (talks per edition, speakers per talk, affiliations, mentions, citations)
 * is therefore exactly the real one, and the result passes validation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_FILES, type Fixtures } from './fixtures';
import { ID_PATTERN } from '../store/kinds';

/** Fields whose text is a display name: suffixed per copy so copies can be told apart in search. */
const NAME_FIELDS = new Set(['name', 'title']);

export function synthesize(real: Fixtures, scale: number): Fixtures {
  if (!Number.isInteger(scale) || scale < 1)
    throw new Error(`scale must be a whole number ≥ 1 (got ${scale})`);
  const ids = new Set<string>();
  for (const file of FIXTURE_FILES) {
    for (const record of real[file] as unknown as { id?: unknown }[]) {
      if (typeof record.id === 'string') ids.add(record.id);
    }
  }
  const out = Object.fromEntries(FIXTURE_FILES.map((f) => [f, [] as unknown[]])) as unknown as Fixtures;
  for (let k = 0; k < scale; k++) {
    for (const file of FIXTURE_FILES) {
      const target = out[file] as unknown[];
      for (const record of real[file] as unknown[]) target.push(k === 0 ? record : renamed(record, k, ids));
    }
  }
  return out;
}

function renamed(value: unknown, k: number, ids: ReadonlySet<string>, key?: string): unknown {
  if (typeof value === 'string') {
    if (ids.has(value) && ID_PATTERN.test(value)) return `${value}-s${k}`;
    if (key && NAME_FIELDS.has(key)) return `${value} s${k}`;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => renamed(v, k, ids));
  if (value !== null && typeof value === 'object') {
    const o: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(value)) o[field] = renamed(inner, k, ids, field);
    return o;
  }
  return value;
}

/** Writes fixtures as a fixture directory (one JSON file per record kind). */
export function writeFixtureDir(f: Fixtures, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const file of FIXTURE_FILES) writeFileSync(join(dir, `${file}.json`), JSON.stringify(f[file]));
}
