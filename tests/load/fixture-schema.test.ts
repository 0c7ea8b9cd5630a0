/**
 * The JSON Schema files editors use (fixtures/schema/) are generated from the
 * loader's own zod format: they must match it exactly (`npm run
 * fixture-schema` rewrites them), and the editor mapping must cover every file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_OUT_DIR, schemaFiles } from '../../src/load/fixture-schema-cli';
import { NAME_MAX, TEXT_MAX } from '../../src/load/fixture-schema';
import { FIXTURE_FILES } from '../../src/load/fixtures';
import { PROJECT_ROOT } from '../../src/paths';

describe('fixture JSON Schemas', () => {
  const expected = schemaFiles();

  it('fixtures/schema/ holds exactly the generated files (run `npm run fixture-schema` if not)', () => {
    expect(readdirSync(SCHEMA_OUT_DIR).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, content] of Object.entries(expected)) {
      expect({ name, content: readFileSync(join(SCHEMA_OUT_DIR, name), 'utf8') }).toEqual({ name, content });
    }
  });

  it('carry the loader caps, enums and id patterns editors need', () => {
    const talks = JSON.parse(expected['talks.schema.json']!);
    const record = talks.items.properties;
    expect(talks.type).toBe('array');
    expect(talks.items.additionalProperties).toBe(false);
    expect(record.title.maxLength).toBe(NAME_MAX);
    expect(record.summary.anyOf[0].maxLength).toBe(TEXT_MAX);
    expect(record.kind.enum).toContain('KEYNOTE');
    expect(new RegExp(record.id.pattern).test('talk:a-title')).toBe(true);
    expect(new RegExp(record.id.pattern).test('person:a-title')).toBe(false);
    expect(talks.items.required).toEqual(expect.arrayContaining(['id', 'title', 'kind', 'editionId']));
  });

  it('.vscode/settings.json maps every fixture file to its schema', () => {
    const settings = JSON.parse(readFileSync(join(PROJECT_ROOT, '.vscode', 'settings.json'), 'utf8'));
    const mapped = settings['json.schemas'] as { fileMatch: string[]; url: string }[];
    for (const file of FIXTURE_FILES) {
      expect(mapped).toContainEqual({
        fileMatch: [`**/fixtures/${file}.json`, `**/fixtures/mini/${file}.json`],
        url: `./fixtures/schema/${file}.schema.json`,
      });
    }
  });
});
