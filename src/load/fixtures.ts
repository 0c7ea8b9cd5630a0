/**
 * The fixture files: their TypeScript types (inferred from the zod format in
 * fixture-schema.ts, documented for curators in fixtures/README.md) and
 * reading them from disk as strict UTF-8 JSON. Validation lives in
 * validate.ts; nothing here trusts the data.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { FixtureFile, RECORDS } from './fixture-schema';
import { collectIfGrown } from './memory';

export type Citation = { article: string; locator: string };

type RecordOf<F extends FixtureFile> = z.infer<(typeof RECORDS)[F]>;

/** Every file's records, once each passed its schema and the cross-file checks. */
export type Fixtures = { [F in FixtureFile]: RecordOf<F>[] };

export type { FixtureFile };

export const FIXTURE_FILES: readonly FixtureFile[] = [
  'editions',
  'articles',
  'companies',
  'projects',
  'people',
  'talks',
  'affiliations',
  'backs',
  'announcements',
  'figures',
  'sponsorships',
];

/** A file's parsed JSON, or the reason it could not be read. Content is checked by validate.ts. */
export type RawFixtures = Record<FixtureFile, { ok: true; data: unknown } | { ok: false; error: string }>;

/** Files above this are refused unread (the largest real one is about 120 kB). */
export const FILE_MAX_BYTES = 20 * 1024 * 1024;

/** `maxBytes`: the per-file cap; only scale tooling (bench/load-scale.ts, `load --max-file-mb`) raises it. */
export function readFixtureDir(dir: string, maxBytes: number = FILE_MAX_BYTES): RawFixtures {
  const out = {} as RawFixtures;
  const pool = new Map<string, string>();
  for (const name of FIXTURE_FILES) {
    const path = join(dir, `${name}.json`);
    let bytes: Buffer;
    try {
      const size = statSync(path).size;
      if (size > maxBytes) {
        const mib = Math.round(maxBytes / 1048576);
        out[name] = { ok: false, error: `is ${size} bytes: at most ${maxBytes} (${mib} MiB) are read` };
        continue;
      }
      bytes = readFileSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      out[name] = {
        ok: false,
        error: code === 'ENOENT' ? 'file is missing (write [] for none)' : `cannot read (${code})`,
      };
      continue;
    }
    let text: string;
    try {
      // Node's 'utf8' would silently turn invalid bytes into U+FFFD and store them.
      text = UTF8.decode(bytes);
    } catch {
      out[name] = { ok: false, error: `not valid UTF-8 (${invalidUtf8At(bytes)})` };
      continue;
    }
    try {
      out[name] = { ok: true, data: interned(JSON.parse(text), pool, 0) };
      // The file's bytes and text are garbage now: a large one is collected before the next is read.
      collectIfGrown();
    } catch (error) {
      out[name] = {
        ok: false,
        error:
          error instanceof TooDeep || error instanceof RangeError
            ? `nests arrays or objects more than ${MAX_DEPTH} deep`
            : `not valid JSON: ${(error as Error).message}`,
      };
    }
  }
  return out;
}

/** Strings up to this length are shared (see interned): ids, locators, enum values. */
const INTERN_MAX = 64;

/**
 * The deepest nesting read (the fixtures' own is 6 levels). Validation walks values
 * recursively, and a file nested some thousands deep, which JSON.parse still
 * accepts, overflowed the stack there; JSON.parse's own overflow, deeper
 * still, is a RangeError reported the same way.
 */
export const MAX_DEPTH = 32;

class TooDeep extends Error {}

/**
 * `value` with every short string replaced by the first equal one seen (in
 * `pool`, shared by every file). JSON.parse makes a new string for each
 * occurrence, and ids, citations and enum values recur: at 1000× data this
 * was a third of the parsed records' memory. Longer texts are left alone.
 * Throws TooDeep past MAX_DEPTH levels, counting this one as 0.
 */
function interned(value: unknown, pool: Map<string, string>, depth: number): unknown {
  if (typeof value === 'string') {
    if (value.length > INTERN_MAX) return value;
    const first = pool.get(value);
    if (first !== undefined) return first;
    pool.set(value, value);
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (depth === MAX_DEPTH) throw new TooDeep();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = interned(value[i], pool, depth + 1);
  } else {
    const record = value as Record<string, unknown>;
    // Assigning `__proto__` would set the prototype: such keys are left for validate.ts to refuse.
    for (const key of Object.keys(record)) {
      if (key !== '__proto__') record[key] = interned(record[key], pool, depth + 1);
    }
  }
  return value;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Where the first invalid byte sequence is, for the error message: `line 3, byte 1042`. */
function invalidUtf8At(bytes: Buffer): string {
  let good = 0;
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix (cut back to a character boundary by the decoder's own check).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      good = mid;
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  // A multi-byte sequence cut short by the bad byte is where the fault starts.
  while (good > 0 && !decodes(bytes.subarray(0, good))) good--;
  const line = bytes.subarray(0, good).toString('latin1').split('\n').length;
  return `line ${line}, near byte ${good}`;
}

function decodes(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
