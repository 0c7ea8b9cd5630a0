/**
 * `npm run bench`: the speed and memory targets, measured on the embedded
 * Kuzu store with the real fixtures, over HTTP on loopback (bounded request
 * counts, sequential). Prints a table and exits 1 when a target is missed.
 *
 * Targets (what a person running the quickstart or a dashboard feels):
 *   cold start to serving, seeding included   < 30 s   (issue #2)
 *   fixture load, idempotent reload            < 10 s
 *   p95 of each analyst/dashboard query        < 150 ms
 *   resident memory after the run              < 1 GiB
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../src/config';
import { loadFixtures } from '../src/load/load';
import { PROJECT_ROOT } from '../src/paths';
import { startService } from '../src/server/service';

const ITERATIONS = 60;

const QUERIES: Record<string, string> = {
  'talks page, nested (20 × speakers × companies × projects)':
    '{ talks(first: 20) { totalCount edges { node { title speakers { name companies { name } } projects { name } } } } }',
  'edition with talks and companies':
    '{ edition(id: "edition:kubecon-eu-2019") { talks(first: 50) { edges { node { title companies { name } } } } companies { name } } }',
  'search "kubecon paris"': '{ search(query: "kubecon paris") { label score } }',
  'search with a typo "kuberntes"': '{ search(query: "kuberntes") { label score } }',
  'path Spotify → Envoy':
    '{ path(from: "company:spotify", to: "project:envoy") { length steps { relation } } }',
  'path, 6 hops allowed': '{ path(from: "person:kris-nova", to: "project:vitess", maxHops: 6) { length } }',
  'companyProjectLinks (all)':
    '{ companyProjectLinks(first: 200) { company { name } project { name } weight } }',
  'companyProjectLinksConnection page of 50 with totalCount':
    '{ companyProjectLinksConnection(first: 50) { totalCount edges { node { company { label } project { label } weight } } } }',
  'neighborhood Kubernetes, depth 2, 200 nodes, edges with sources':
    '{ neighborhood(id: "project:kubernetes", depth: 2, first: 200) { nodes { id type label } edges { from to relation weight sources { locator article { title } } } } }',
  'projectTimeline Envoy':
    '{ projectTimeline(projectId: "project:envoy") { edition { name } talks { title } } }',
  editionStats: '{ editionStats { edition { name } talks speakers companies projects announcements } }',
};

const TARGETS = { startMs: 30_000, loadMs: 10_000, p95Ms: 150, rssMb: 1024 };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'recap-graph-bench-'));
  const rows: [string, string, string, boolean][] = [];
  try {
    const config = {
      ...readConfig({ DATA_DIR: dir, PORT: '0', FIXTURES_DIR: join(PROJECT_ROOT, 'fixtures') }),
    };
    let t = performance.now();
    const service = await startService(config);
    const startMs = performance.now() - t;
    rows.push([
      'cold start to serving (schema, indexes, seed)',
      ms(startMs),
      `< ${TARGETS.startMs} ms`,
      startMs < TARGETS.startMs,
    ]);

    t = performance.now();
    const report = await loadFixtures(service.store.engine, service.store.queries, config.fixturesDir);
    const loadMs = performance.now() - t;
    rows.push([
      `idempotent reload (${report.statements} statements)`,
      ms(loadMs),
      `< ${TARGETS.loadMs} ms`,
      loadMs < TARGETS.loadMs,
    ]);

    for (const [name, query] of Object.entries(QUERIES)) {
      const times: number[] = [];
      let trips = 0;
      for (let i = 0; i < ITERATIONS; i++) {
        const started = performance.now();
        const res = await fetch(`${service.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-debug-stats': '1' },
          body: JSON.stringify({ query }),
        });
        const body = (await res.json()) as {
          errors?: unknown;
          extensions?: { stats?: { dbRoundTrips: number } };
        };
        times.push(performance.now() - started);
        if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
        trips = body.extensions?.stats?.dbRoundTrips ?? 0;
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      rows.push([
        `${name} [${trips} round trips]`,
        `p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)}`,
        `p95 < ${TARGETS.p95Ms} ms`,
        p95 < TARGETS.p95Ms,
      ]);
    }

    t = performance.now();
    const csv = await (await fetch(`${service.url}/export/talks.csv`)).text();
    rows.push([
      `export talks.csv (${csv.trimEnd().split('\n').length - 1} rows)`,
      ms(performance.now() - t),
      '',
      true,
    ]);

    const rssMb = process.memoryUsage().rss / 1048576;
    rows.push([
      'resident memory (Node + embedded Kuzu)',
      `${rssMb.toFixed(0)} MiB`,
      `< ${TARGETS.rssMb} MiB`,
      rssMb < TARGETS.rssMb,
    ]);
    await service.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(
    `recap-graph bench — kuzu, real fixtures, ${ITERATIONS} sequential requests per query, node ${process.version}\n`,
  );
  for (const [name, value, target, ok] of rows) {
    console.log(`${ok ? 'ok  ' : 'MISS'} ${name.padEnd(width)}  ${value.padEnd(30)} ${target}`);
  }
  process.exit(rows.every((r) => r[3]) ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
