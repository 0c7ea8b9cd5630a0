#!/usr/bin/env node
// Builds dist/ with tsc only when the sources changed since the last build, so
// `npm start` after `npm ci` (whose `prepare` already built) starts at once.
// The inputs' signature (path, size, mtime of every file under src/ and bench/
// and the tsconfig files) is kept in dist/.build-stamp; a different signature,
// or no dist/, means a build, from an empty dist/.
//
// usage: node scripts/build.mjs [--force] [--if-possible]
//   --force        build even when up to date (npm run build)
//   --if-possible  skip with a notice when TypeScript is not installed: an
//                  `npm ci --omit=dev` runs `prepare` too (containers build in
//                  their own stage)
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const stampFile = join(root, 'dist', '.build-stamp');

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

function signature() {
  const inputs = [
    ...files(join(root, 'src')),
    ...files(join(root, 'bench')),
    join(root, 'tsconfig.json'),
    join(root, 'tsconfig.build.json'),
  ]
    .filter((path) => existsSync(path))
    .sort();
  const hash = createHash('sha256');
  for (const path of inputs) {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${relative(root, path)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const current = signature();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (!args.has('--force') && built === current && existsSync(join(root, 'dist', 'src', 'server', 'main.js'))) {
  process.exit(0);
}

let tsc;
try {
  tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
} catch {
  if (args.has('--if-possible')) {
    console.log('build: TypeScript is not installed (production install): dist/ is not built here');
    process.exit(0);
  }
  console.error('build: dist/ is missing or stale and TypeScript is not installed: run `npm ci` first');
  process.exit(1);
}

const started = Date.now();
// tsc never deletes the output of a source that is gone, and a stale dist/x.js
// would shadow a new dist/x/index.js: every build starts from an empty dist/.
rmSync(join(root, 'dist'), { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync(dirname(stampFile), { recursive: true });
writeFileSync(stampFile, `${current}\n`);
console.log(`build: dist/ built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
