/**
 * `npm run load -- [--fixtures DIR] [--reset] [--check]`
 *
 * Validates the fixtures, reports every problem as `file: path: what is wrong`
 * and exits 1 without writing anything if one is an error; otherwise writes
 * them all or nothing and prints node and relationship counts. `--reset` on
 * the embedded store replaces it whole through a staged bulk load.
 * `--check` validates only. Exit 2 is a usage or configuration error.
 */
import { resolve } from 'node:path';
import { readConfig, type Config } from '../config';
import { ConfigError, StoreUnavailableError } from '../errors';
import { kuzuPath, openStore, queriesFor } from '../store/open';
import { replaceStore } from '../store/kuzu/replace';
import { readFixtureDir } from './fixtures';
import { formatProblem, validate } from './validate';
import { FixtureError, loadPrepared, prepareLoad, type LoadReport } from './load';

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
  try {
    const { engine, report, staged } = await load(config, dir, args);
    for (const w of report.warnings) console.log(`warning: ${formatProblem(w)}`);
    const how = staged
      ? ' (replaced: staged, then renamed over the store)'
      : args.reset
        ? ' (after reset)'
        : '';
    console.log(
      `loaded ${dir} into ${engine}${how}: ${report.statements} statements, ${report.records} records (${report.mode})`,
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
    if (error instanceof StoreUnavailableError && !config.neo4j) {
      // Most often a running server: Kuzu lets one process at a time open a store.
      console.error(error.message);
      console.error(
        `nothing was written. Kuzu lets one process at a time open ${config.dataDir}: ` +
          'if a server is running on it, stop it and load again.',
      );
      return 1;
    }
    throw error;
  }
}

/**
 * The fixtures are validated before any store is opened, so invalid ones leave
 * no trace, not even a new empty store. A reset of an embedded store then
 * replaces it whole (src/store/kuzu/replace.ts): a bulk load into a staging
 * file, renamed over the store. Anything else loads into the open store:
 * batched MERGEs, or COPY when it is empty.
 */
async function load(
  config: Config,
  dir: string,
  args: Args,
): Promise<{ engine: string; report: LoadReport; staged: boolean }> {
  const log = (line: string) => console.log(line);
  const prepared = prepareLoad(dir, args.maxFileBytes);
  if (args.reset && !config.neo4j && config.dataDir !== ':memory:') {
    const queries = queriesFor('kuzu');
    const report = await replaceStore(
      kuzuPath(config.dataDir),
      queries,
      config.kuzuBufferPoolMb,
      log,
      (engine) => loadPrepared(engine, queries, prepared),
    );
    return { engine: 'kuzu', report, staged: true };
  }
  const store = await openStore(config, log);
  try {
    return {
      engine: store.engine.name,
      report: await loadPrepared(store.engine, store.queries, prepared, { reset: args.reset }),
      staged: false,
    };
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
