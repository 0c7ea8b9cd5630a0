/**
 * `npm run load -- [--fixtures DIR] [--reset] [--check]`
 *
 * Validates the fixtures, reports every problem as `file: path: what is wrong`
 * and exits 1 without writing anything if one is an error; otherwise writes
 * them in one transaction and prints node and relationship counts.
 * `--check` validates only. Exit 2 is a usage or configuration error.
 */
import { resolve } from 'node:path';
import { readConfig } from '../config';
import { ConfigError } from '../errors';
import { openStore } from '../store/open';
import { readFixtureDir } from './fixtures';
import { formatProblem, validate } from './validate';
import { FixtureError, loadFixtures } from './load';

interface Args {
  fixtures?: string;
  reset: boolean;
  check: boolean;
  /** `--max-file-mb N`: raise the per-file cap for synthetic scale data. */
  maxFileBytes?: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { reset: false, check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--reset') args.reset = true;
    else if (arg === '--check') args.check = true;
    else if (arg === '--fixtures' && argv[i + 1]) args.fixtures = argv[++i];
    else if (arg === '--max-file-mb' && /^[1-9]\d*$/.test(argv[i + 1] ?? ''))
      args.maxFileBytes = Number(argv[++i]) * 1024 * 1024;
    else
      throw new ConfigError(
        'argv',
        `unknown argument ${arg} (usage: load [--fixtures DIR] [--reset] [--check] [--max-file-mb N])`,
      );
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = readConfig();
  const dir = args.fixtures ? resolve(args.fixtures) : config.fixturesDir;
  if (args.check) {
    const result = validate(readFixtureDir(dir, args.maxFileBytes));
    for (const p of [...result.errors, ...result.warnings]) console.log(formatProblem(p));
    console.log(`${dir}: ${result.errors.length} error(s), ${result.warnings.length} warning(s)`);
    return result.errors.length ? 1 : 0;
  }
  const store = await openStore(config, (line) => console.log(line));
  try {
    const report = await loadFixtures(store.engine, store.queries, dir, {
      reset: args.reset,
      maxFileBytes: args.maxFileBytes,
    });
    for (const w of report.warnings) console.log(`warning: ${formatProblem(w)}`);
    console.log(
      `loaded ${dir} into ${store.engine.name}${args.reset ? ' (after reset)' : ''}: ${report.statements} statements, ${report.records} records (${report.mode})`,
    );
    console.log('nodes:', JSON.stringify(report.counts.nodes));
    console.log('relationships:', JSON.stringify(report.counts.relationships));
    return 0;
  } catch (error) {
    if (error instanceof FixtureError) {
      console.error(error.message);
      console.error('nothing was written.');
      return 1;
    }
    throw error;
  } finally {
    await store.engine.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
