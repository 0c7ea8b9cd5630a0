/**
 * `node dist/bench/load-scale.js --fixtures DIR [--twice] [--keep DATA_DIR | --replace DATA_DIR]`: loads a fixture
 * directory (bench/synth.ts writes N× synthetic ones) into a fresh Kuzu store (or Neo4j when NEO4J_URI is set, after a
 * reset) and prints one JSON line: records, time, write path, peak RSS.
 * Run as its own process by `npm run bench` so peak RSS is the load's alone.
 * `--twice` loads the same data again (the idempotent, batched path) and
 * checks the counts did not change. `stored`: nodes and relationships in the store
 * after the first load. `--replace DATA_DIR` reloads into that existing Kuzu
 * store as `npm run load -- --reset` does (src/store/kuzu/replace.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../src/config';
import { loadFixtures, type GraphCounts } from '../src/load/load';
import { kuzuPath, openStore, queriesFor } from '../src/store/open';
import { replaceStore } from '../src/store/kuzu/replace';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const fixtures = argv[argv.indexOf('--fixtures') + 1];
  if (!argv.includes('--fixtures') || !fixtures)
    throw new Error('usage: load-scale --fixtures DIR [--twice]');
  const twice = argv.includes('--twice');
  // --keep DIR: load into DIR and leave it there (the bench then serves it).
  const keep = argv.includes('--keep') ? argv[argv.indexOf('--keep') + 1] : undefined;
  const replace = argv.includes('--replace') ? argv[argv.indexOf('--replace') + 1] : undefined;
  if (replace) return replaceKuzu(fixtures, replace);
  const work = mkdtempSync(join(tmpdir(), 'recap-graph-scale-'));
  try {
    const config = readConfig({ ...process.env, DATA_DIR: keep ?? join(work, 'data') });
    const store = await openStore(config);
    try {
      if (store.engine.name === 'neo4j') {
        await store.engine.ensureSchema();
        await store.engine.write((tx) => tx.run(store.queries.get('load/reset'), {}));
      }
      let t = performance.now();
      const options = LOAD_OPTIONS;
      const first = await loadFixtures(store.engine, store.queries, fixtures, options);
      const loadMs = performance.now() - t;
      const out: Record<string, unknown> = {
        engine: store.engine.name,
        records: first.records,
        statements: first.statements,
        mode: first.mode,
        loadMs: Math.round(loadMs),
        // Nodes and relationships in the store after the load (link summaries not counted):
        // the same data must give the same number on both engines.
        stored: stored(first.counts),
      };
      if (twice) {
        t = performance.now();
        const second = await loadFixtures(store.engine, store.queries, fixtures, options);
        out.reloadMs = Math.round(performance.now() - t);
        out.reloadMode = second.mode;
        out.idempotent = JSON.stringify(second.counts) === JSON.stringify(first.counts);
      }
      out.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      console.log(JSON.stringify(out));
    } finally {
      await store.engine.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Synthetic files pass the loader's 20 MiB per-file cap from about 300×. */
const LOAD_OPTIONS = { maxFileBytes: 2 * 1024 * 1024 * 1024 };

async function replaceKuzu(fixtures: string, dataDir: string): Promise<void> {
  const queries = queriesFor('kuzu');
  const t = performance.now();
  const report = await replaceStore(
    kuzuPath(dataDir),
    queries,
    undefined,
    () => undefined,
    (engine) => loadFixtures(engine, queries, fixtures, LOAD_OPTIONS),
  );
  const out = {
    engine: 'kuzu',
    records: report.records,
    mode: report.mode,
    loadMs: Math.round(performance.now() - t),
    stored: stored(report.counts),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log(JSON.stringify(out));
}

const stored = (counts: GraphCounts): number =>
  [...Object.values(counts.nodes), ...Object.values(counts.relationships)].reduce((a, b) => a + b, 0);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
