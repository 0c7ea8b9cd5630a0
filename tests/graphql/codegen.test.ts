/**
 * The committed resolver types must be what graphql-codegen makes of today's
 * SDL: a schema change without `npm run codegen` fails here, before a
 * resolver can drift from the contract unnoticed. Runs the CLI's own
 * `--check` (a dry run that compares with the files on disk).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

const GENERATED = 'src/graphql/generated/types.ts';
const CLI = join(PROJECT_ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js');

function check(cwd: string) {
  const run = spawnSync(process.execPath, [CLI, '--config', 'codegen.ts', '--check'], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('generated resolver types', () => {
  it(`${GENERATED} is up to date with schema/*.graphql (run \`npm run codegen\` if not)`, () => {
    const { status, output } = check(PROJECT_ROOT);
    expect({ status, stale: output.includes('stale') }).toEqual({ status: 0, stale: false });
  });

  it('the check fails when the schema gains a field the committed types lack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recap-graph-codegen-'));
    try {
      // The CLI resolves its plugins from the working directory.
      symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      cpSync(join(PROJECT_ROOT, 'codegen.ts'), join(dir, 'codegen.ts'));
      cpSync(join(PROJECT_ROOT, 'schema'), join(dir, 'schema'), { recursive: true });
      mkdirSync(join(dir, 'src/graphql/generated'), { recursive: true });
      cpSync(join(PROJECT_ROOT, GENERATED), join(dir, GENERATED));
      writeFileSync(join(dir, 'schema', 'zz-extra.graphql'), 'extend type Query { extra: Int }\n');
      const { status, output } = check(dir);
      expect(status).not.toBe(0);
      expect(output).toMatch(/stale files were detected:\s+- src\/graphql\/generated\/types\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
