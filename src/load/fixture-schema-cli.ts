/**
 * `npm run fixture-schema`: writes the fixture format (fixture-schema.ts) as
 * JSON Schema files in fixtures/schema/, which editors use to check and
 * complete fixture files (.vscode/settings.json maps them). tests/load/
 * fixture-schema.test.ts fails when the committed files are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths';
import { FIXTURE_FILES } from './fixtures';
import { jsonSchemaOf } from './fixture-schema';

export const SCHEMA_OUT_DIR = join(PROJECT_ROOT, 'fixtures', 'schema');

/** The files to write: name → content, exactly as committed. */
export function schemaFiles(): Record<string, string> {
  return Object.fromEntries(
    FIXTURE_FILES.map((f) => [`${f}.schema.json`, `${JSON.stringify(jsonSchemaOf(f), null, 2)}\n`]),
  );
}

if (require.main === module) {
  mkdirSync(SCHEMA_OUT_DIR, { recursive: true });
  for (const [name, content] of Object.entries(schemaFiles())) {
    writeFileSync(join(SCHEMA_OUT_DIR, name), content);
    console.log(`wrote fixtures/schema/${name}`);
  }
}
