/**
 * Soak: the built server (dist/src/server/main.js, embedded Kuzu, real
 * fixtures) in its own process, 50 keep-alive connections on loopback each
 * sending the explorer's saved examples (src/server/examples.ts) back to back
 * for 60 s. Reports the error rate, latency p50/p99 and how much the server's
 * resident memory grew: from the end of a warm-up (the first 10% of the run,
 * at full load, when caches, JIT and Kuzu's buffer pool have settled) to the
 * end. A steady climb would be a leak; the target is < 20 %.
 *
 * The load loop is plain node:http: no dependency, and nothing leaves 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent } from 'node:http';
import { postJson } from './http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths';
import { EXAMPLES } from '../src/server/examples';

export const SOAK_TARGETS = { rssGrowthPct: 20, errorRatePct: 0 };

export interface SoakResult {
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  /** The first few distinct failures, for the report. */
  errorSamples: string[];
  p50Ms: number;
  p99Ms: number;
  rssStartMb: number;
  rssEndMb: number;
  rssGrowthPct: number;
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** Starts the built server and resolves with its URL once it serves. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'src', 'server', 'main.js')], {
    env: {
      PATH: process.env.PATH,
      // The bench's own mode (production under `npm run bench`), so the soaked server runs as measured.
      ...(process.env.NODE_ENV ? { NODE_ENV: process.env.NODE_ENV } : {}),
      PORT: '0',
      DATA_DIR: dataDir,
      FIXTURES_DIR: join(PROJECT_ROOT, 'fixtures'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL API at (http:\/\/[^\s"]+)\/graphql/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before serving:\n${output}`)));
  });
}

/** One POST on the agent; resolves with a failure description, or null when the answer is a full 200 without errors. */
async function post(agent: Agent, url: string, body: string): Promise<string | null> {
  let reply;
  try {
    reply = await postJson(agent, `${url}/graphql`, body);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return `request: ${e.code ?? e.message}`;
  }
  if (reply.status !== 200) return `HTTP ${reply.status}`;
  try {
    const parsed = JSON.parse(reply.body) as { errors?: { message: string }[] };
    return parsed.errors ? `GraphQL error: ${parsed.errors[0]!.message}` : null;
  } catch {
    return 'body is not JSON';
  }
}

export async function runSoak(options: { connections?: number; seconds?: number } = {}): Promise<SoakResult> {
  const connections = options.connections ?? 50;
  const seconds = options.seconds ?? 60;
  const dataDir = mkdtempSync(join(tmpdir(), 'recap-graph-soak-'));
  const { child, url } = await startServer(dataDir);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const bodies = EXAMPLES.map((e) => JSON.stringify({ query: e.query, variables: e.variables }));
  const latencies: number[] = [];
  const samples = new Set<string>();
  let requests = 0;
  let errors = 0;
  let rssStartMb = 0;
  try {
    const started = performance.now();
    const end = started + seconds * 1000;
    const warmUpEnd = started + seconds * 100;
    const warmUp = new Promise<void>((resolve) =>
      setTimeout(() => {
        rssStartMb = rssMb(child.pid!);
        resolve();
      }, warmUpEnd - started),
    );
    const worker = async (w: number) => {
      for (let i = w; performance.now() < end; i++) {
        const t = performance.now();
        const failure = await post(agent, url, bodies[i % bodies.length]!);
        // Only requests after the warm-up count: the first ones include lazy start-up work.
        if (t < warmUpEnd) continue;
        latencies.push(performance.now() - t);
        requests++;
        if (failure) {
          errors++;
          if (samples.size < 5) samples.add(failure);
        }
      }
    };
    await Promise.all([warmUp, ...Array.from({ length: connections }, (_, w) => worker(w))]);
    const rssEndMb = rssMb(child.pid!);
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
    return {
      connections,
      seconds,
      requests,
      errors,
      errorSamples: [...samples],
      p50Ms: at(50),
      p99Ms: at(99),
      rssStartMb,
      rssEndMb,
      rssGrowthPct: ((rssEndMb - rssStartMb) / rssStartMb) * 100,
    };
  } finally {
    agent.destroy();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Prints the soak's lines; returns whether its targets are met. */
export function printSoak(r: SoakResult): boolean {
  const errorRate = r.requests ? (r.errors / r.requests) * 100 : 100;
  const lines: [string, string, string, boolean][] = [
    [
      `requests (after the warm-up)`,
      `${r.requests} (${(r.requests / (r.seconds * 0.9)).toFixed(0)}/s)`,
      '',
      r.requests > 0,
    ],
    [
      'error rate',
      `${errorRate.toFixed(2)} % (${r.errors})`,
      `${SOAK_TARGETS.errorRatePct} %`,
      errorRate <= SOAK_TARGETS.errorRatePct,
    ],
    ['latency', `p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms`, '', true],
    [
      'server resident memory growth',
      `${r.rssGrowthPct.toFixed(1)} % (${r.rssStartMb.toFixed(0)} → ${r.rssEndMb.toFixed(0)} MiB)`,
      `< ${SOAK_TARGETS.rssGrowthPct} %`,
      r.rssGrowthPct < SOAK_TARGETS.rssGrowthPct,
    ],
  ];
  console.log(
    `\nsoak — kuzu, real fixtures, ${r.connections} keep-alive connections for ${r.seconds} s on the saved examples`,
  );
  for (const [name, value, target, ok] of lines) {
    console.log(`${ok ? 'ok  ' : 'MISS'} ${name.padEnd(32)} ${value.padEnd(40)} ${target}`);
  }
  for (const sample of r.errorSamples) console.log(`     e.g. ${sample}`);
  return lines.every((l) => l[3]);
}
