/**
 * `node dist/bench/synth.js --scale N --out DIR`: writes N× synthetic fixtures
 * (src/load/synthetic.ts) to DIR, ready for `npm run load -- --fixtures DIR`.
 */
import { join, resolve } from 'node:path';
import { readFixtureDir } from '../src/load/fixtures';
import { synthesize, writeFixtureDir } from '../src/load/synthetic';
import { validate } from '../src/load/validate';
import { PROJECT_ROOT } from '../src/paths';

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const scale = Number(arg('--scale') ?? 1);
const out = arg('--out');
if (!out || !Number.isInteger(scale) || scale < 1) {
  console.error('usage: synth --scale N --out DIR');
  process.exit(2);
}
const real = validate(readFixtureDir(join(PROJECT_ROOT, 'fixtures'))).fixtures;
if (!real) {
  console.error('fixtures/ is invalid: run npm run validate');
  process.exit(1);
}
writeFixtureDir(synthesize(real, scale), resolve(out));
console.log(`wrote ${scale}× synthetic fixtures to ${resolve(out)}`);
