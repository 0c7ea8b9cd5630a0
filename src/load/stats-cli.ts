/**
 * `npm run stats -- [--fixtures DIR]`
 *
 * Prints, per edition, how many talks, people, companies, projects,
 * announcements and figures the fixtures hold (see stats.ts for what each
 * column counts). The fixtures are validated first: with errors there is no
 * table, only the problems, and exit 1. Exit 2 is a usage or configuration error.
 */
import { resolve } from 'node:path';
import { readConfig } from '../config';
import { ConfigError } from '../errors';
import { readFixtureDir } from './fixtures';
import { editionStats, formatStatsTable } from './stats';
import { formatProblem, validate } from './validate';

function fixturesDir(argv: readonly string[]): string {
  if (argv.length === 0) return readConfig().fixturesDir;
  const [flag, dir] = argv;
  if (flag === '--fixtures' && dir && argv.length === 2) return resolve(dir);
  throw new ConfigError('argv', `unknown arguments ${argv.join(' ')} (usage: stats [--fixtures DIR])`);
}

function main(): number {
  const dir = fixturesDir(process.argv.slice(2));
  const result = validate(readFixtureDir(dir));
  if (!result.fixtures) {
    for (const p of result.errors) console.error(formatProblem(p));
    console.error(`${dir}: ${result.errors.length} error(s): no statistics for invalid fixtures`);
    return 1;
  }
  console.log(formatStatsTable(editionStats(result.fixtures)));
  // Warnings do not change the counts, but a coverage report should not hide curation gaps.
  if (result.warnings.length > 0)
    console.log(`\n${dir}: ${result.warnings.length} warning(s) (npm run validate lists them)`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = error instanceof ConfigError ? 2 : 1;
}
