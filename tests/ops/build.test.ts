/**
 * scripts/build.mjs, which `prepare`, `npm start` and the other run scripts
 * call: it compiles only when the sources changed since the last build, and a
 * production install (no TypeScript) skips it under --if-possible. Run on a
 * tiny project in a temp directory, so the real dist/ is left alone.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

describe('scripts/build.mjs', () => {
  let dir: string;
  const build = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(dir, 'scripts', 'build.mjs'), ...args], { encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr };
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'recap-graph-build-'));
    mkdirSync(join(dir, 'scripts'));
    cpSync(join(PROJECT_ROOT, 'scripts', 'build.mjs'), join(dir, 'scripts', 'build.mjs'));
    mkdirSync(join(dir, 'src', 'server'), { recursive: true });
    writeFileSync(join(dir, 'src', 'server', 'main.ts'), 'export const answer: number = 42;\n');
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: '.', module: 'commonjs', types: [] } }),
    );
    writeFileSync(
      join(dir, 'tsconfig.build.json'),
      JSON.stringify({ extends: './tsconfig.json', include: ['src'] }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says it cannot build without TypeScript, and skips quietly with --if-possible (npm ci --omit=dev)', () => {
    expect(build()).toMatchObject({
      status: 1,
      out: expect.stringMatching(/TypeScript is not installed: run `npm ci`/),
    });
    expect(build('--if-possible')).toMatchObject({ status: 0, out: expect.stringMatching(/not built here/) });
  });

  it('builds once, then only when a source changed, and always with --force', () => {
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    expect(build()).toMatchObject({ status: 0, out: expect.stringMatching(/dist\/ built in/) });
    expect(build()).toEqual({ status: 0, out: '' });
    // A newer source file (as after an edit or a checkout) means a rebuild.
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'src', 'server', 'main.ts'), later, later);
    expect(build().out).toMatch(/built in/);
    expect(build().out).toBe('');
    // A new file counts too, even one older than the last build.
    writeFileSync(join(dir, 'src', 'extra.ts'), 'export {};\n');
    utimesSync(join(dir, 'src', 'extra.ts'), new Date(0), new Date(0));
    expect(build().out).toMatch(/built in/);
    expect(build('--force').out).toMatch(/built in/);
    // The output of a deleted source goes too: a stale extra.js must not outlive extra.ts.
    expect(existsSync(join(dir, 'dist', 'src', 'extra.js'))).toBe(true);
    rmSync(join(dir, 'src', 'extra.ts'));
    expect(build().out).toMatch(/built in/);
    expect(existsSync(join(dir, 'dist', 'src', 'extra.js'))).toBe(false);
    expect(existsSync(join(dir, 'dist', 'src', 'server', 'main.js'))).toBe(true);
  }, 60_000);
});
