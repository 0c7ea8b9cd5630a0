/** Throwaway copies of the mini fixtures, mutated per test to produce one specific problem. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_FILES } from '../../src/load/fixtures';
import { MINI_FIXTURES } from './engines';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Copies the mini fixtures to a temp dir, lets `mutate` edit the parsed files, writes them back. */
export function mutatedFixtures(mutate: (files: Record<string, Json>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'recap-graph-fixtures-'));
  cpSync(MINI_FIXTURES, dir, { recursive: true });
  const files: Record<string, Json> = {};
  for (const n of FIXTURE_FILES) files[n] = JSON.parse(readFileSync(join(dir, `${n}.json`), 'utf8'));
  mutate(files);
  for (const n of FIXTURE_FILES) {
    if (files[n] === undefined) continue;
    writeFileSync(
      join(dir, `${n}.json`),
      typeof files[n] === 'string' ? files[n] : JSON.stringify(files[n], null, 2),
    );
  }
  return dir;
}
