/**
 * `npm run bench:neo4j-scale [-- --scale N]`: R1 and R3 of issue #9 on Neo4j, the
 * production store. The bench's query set (./scale-queries.ts) is timed over HTTP
 * on a service using a private Neo4j 5.26 (./private-neo4j.ts) seeded with the real
 * fixtures (1×), then on a second one holding N× synthetic data (./synth.ts, 1000×
 * unless told), loaded as `npm run load` loads it: one transaction. Each service
 * first answers the whole set 15 times unmeasured, so both JVMs are warm.
 *
 * Not part of `npm run bench`: at 1000× the load takes about 4 minutes, and its one
 * transaction holds several GiB (a 12 GiB heap here), so the script needs 16 GiB of
 * memory at 1000× and says so when the machine has less.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../src/config';
import { PROJECT_ROOT } from '../src/paths';
import { startService } from '../src/server/service';
import { child } from './child';
import { launchPrivateNeo4j, type PrivateNeo4j } from './private-neo4j';
import { latencies, QUERIES, scaleRows, WARM_UP_ROUNDS, type Latency, type Row } from './scale-queries';

const argv = process.argv.slice(2);
const SCALE = Number(argv.includes('--scale') ? argv[argv.indexOf('--scale') + 1] : 1000);
const ITERATIONS = 40;
/** The heap a load of `scale`× needs: ~9 GiB of transaction state at 1000× (measured: 12 GiB heap passes). */
const heapMb = (scale: number) => Math.max(1024, scale * 12);

/** The query set's latencies on a service over `neo4j`, after WARM_UP_ROUNDS unmeasured rounds. */
async function measure(neo4j: PrivateNeo4j, fixtures: string): Promise<Map<string, Latency>> {
  const work = mkdtempSync(join(tmpdir(), 'recap-graph-neo4j-scale-'));
  const service = await startService(
    readConfig({
      NEO4J_URI: neo4j.uri,
      NEO4J_PASSWORD: neo4j.password,
      PORT: '0',
      FIXTURES_DIR: fixtures,
      DATA_DIR: join(work, 'unused'),
    }),
  );
  try {
    return await latencies(service, ITERATIONS);
  } finally {
    await service.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const needMb = heapMb(SCALE) + 4096;
  if (totalmem() / 1048576 < needMb) {
    console.log(`bench:neo4j-scale: ${SCALE}× needs about ${needMb} MiB of memory; this machine has less`);
    return 1;
  }
  const one = await launchPrivateNeo4j({ heapMb: 1024 });
  if (!one) {
    console.log('bench:neo4j-scale: no Java 17 + Maven here to launch Neo4j');
    return 1;
  }
  let at1: Map<string, Latency>;
  try {
    at1 = await measure(one, join(PROJECT_ROOT, 'fixtures'));
  } finally {
    await one.stop();
  }
  const work = mkdtempSync(join(tmpdir(), 'recap-graph-neo4j-scale-'));
  const big = await launchPrivateNeo4j({
    heapMb: heapMb(SCALE),
    txMemoryMb: Math.round(heapMb(SCALE) * 0.8),
    pageCacheMb: 2048,
    txTimeoutS: 3600,
  });
  if (!big) throw new Error('Neo4j launched once, then not again');
  let atN: Map<string, Latency>;
  let loaded: Record<string, unknown>;
  try {
    const dir = join(work, `synth-${SCALE}`);
    execFileSync(process.execPath, [join(__dirname, 'synth.js'), '--scale', String(SCALE), '--out', dir]);
    loaded = child('load-scale.js', ['--fixtures', dir], {
      NEO4J_URI: big.uri,
      NEO4J_PASSWORD: big.password,
    });
    atN = await measure(big, dir);
  } finally {
    await big.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const rows: Row[] = [
    [
      'load',
      `${SCALE}× synthetic on Neo4j (${String(loaded.records)} records, one transaction, heap ${heapMb(SCALE)} MiB)`,
      `${(Number(loaded.loadMs) / 1000).toFixed(1)} s`,
      'reference',
      'ref',
    ],
  ];
  for (const q of QUERIES) rows.push(...scaleRows(q, at1.get(q.name)!, atN.get(q.name)!, SCALE));
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length)));
  console.log(
    `recap-graph bench — neo4j (launched 5.26), ${ITERATIONS} interleaved requests per query after ${WARM_UP_ROUNDS} unmeasured rounds, scale ${SCALE}×, node ${process.version}\n`,
  );
  for (const r of rows) {
    const verdict = r[4] === 'ref' ? 'ref ' : r[4] === null ? 'n/a ' : r[4] ? 'ok  ' : 'MISS';
    console.log(`${verdict} ${r[0].padEnd(w[0]!)}  ${r[1].padEnd(w[1]!)}  ${r[2].padEnd(w[2]!)}  ${r[3]}`);
  }
  return rows.every((r) => r[4] !== false) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
