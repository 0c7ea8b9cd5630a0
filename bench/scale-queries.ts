/**
 * The query set of R1 and R3 (issue #9), timed over HTTP against a running
 * service: each query's p50/p95, its round trips (extensions.stats) and, for
 * the R2 pages, its hand-written baseline (./baselines.ts), all interleaved so a
 * noisy neighbour hits them alike. Shared by bench/bench.ts (Kuzu, 1× and N×)
 * and bench/neo4j-scale.ts (Neo4j, 1× and N×).
 */
import { baselineTimer, type BaselineName } from './baselines';
import type { RunningService } from '../src/server/service';
import { postJson, SEQUENTIAL } from './http';

export const DASHBOARD =
  '{ talks(first: 20) { totalCount edges { node { title speakers { name companies { name } } projects { name } } } } }';
export const WIDE =
  '{ talks(first: 20) { totalCount edges { node { id title edition { name } speakers { name companies { name } affiliations { company { name } edition { id } } } projects { name } companies { name } sources { locator article { title } } } } } }';
export const EDITION =
  '{ edition(id: "edition:kubecon-eu-2019") { talks(first: 50) { edges { node { title companies { name } } } } companies { name } } }';
export const LINKS = '{ companyProjectLinks(first: 200) { company { name } project { name } weight } }';

/**
 * Unmeasured rounds of the whole query set before its latencies are taken: a
 * document's first requests run on graphql-js and then on a function compiled
 * for it that V8 has yet to optimise (src/graphql/executor.ts), and a statement's
 * first runs find the engine's caches cold. R2 and R3 are about a page asked
 * again and again, as a dashboard asks it.
 */
export const WARM_UP_ROUNDS = 15;

export interface Bench {
  name: string;
  query: string;
  /** Round-trip target (R1). */
  trips?: number;
  /** Hand-written baseline in bench/cypher/ (R2, bench/baselines.ts). */
  baseline?: BaselineName;
}

export const QUERIES: Bench[] = [
  { name: 'dashboard talks page', query: DASHBOARD, trips: 3, baseline: 'dashboard' },
  { name: 'wide talks page', query: WIDE, trips: 5 },
  {
    name: 'edition page (EU 2019)',
    query: EDITION,
    baseline: 'edition',
  },
  { name: 'companyProjectLinks matrix', query: LINKS, baseline: 'links' },
  {
    // A link's facts, read from the stored facts of the matrix's first page (cypher/head/link-facts.cypher).
    name: 'links with their talks',
    query: '{ companyProjectLinks(first: 20) { company { name } project { name } talks { title } backing } }',
    trips: 3,
  },
  { name: 'search "kuberntes"', query: '{ search(query: "kuberntes") { label score } }' },
  {
    name: 'path Spotify → Envoy',
    query: '{ path(from: "company:spotify", to: "project:envoy") { length steps { relation } } }',
  },
  {
    name: 'projectTimeline Envoy',
    query: '{ projectTimeline(projectId: "project:envoy") { edition { name } talks { title } } }',
  },
  {
    name: 'companies around Falco',
    query:
      '{ projects(filter: { nameContains: "falco" }, first: 5) { edges { node { name companies { name } } } } }',
  },
  { name: 'editionStats', query: '{ editionStats { edition { name } talks speakers companies projects } }' },
];

export const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export interface Latency {
  p50: number;
  p95: number;
  trips: number;
  baseline?: number;
}

export async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const reply = await postJson(SEQUENTIAL, `${url}/graphql`, JSON.stringify({ query }), {
    'x-debug-stats': '1',
    'cache-control': 'no-cache',
    ...headers,
  });
  const body = JSON.parse(reply.body) as {
    errors?: unknown;
    extensions?: { stats?: { dbRoundTrips: number } };
  };
  if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.extensions?.stats?.dbRoundTrips ?? -1;
}

/**
 * p50/p95 of each query over HTTP and p50 of its hand-written baseline, all
 * interleaved (each baseline statement runs right after its page's request);
 * round trips of the last run; after WARM_UP_ROUNDS unmeasured rounds.
 */
export async function latencies(service: RunningService, iterations: number): Promise<Map<string, Latency>> {
  const times = new Map<string, number[]>(QUERIES.map((q) => [q.name, []]));
  const baseTimes = new Map<string, number[]>(QUERIES.filter((q) => q.baseline).map((q) => [q.name, []]));
  const trips = new Map<string, number>();
  const timers = new Map(
    QUERIES.flatMap((q) =>
      q.baseline ? [[q.name, baselineTimer(service.store.engine, q.baseline)] as const] : [],
    ),
  );
  // Warm-up: WARM_UP_ROUNDS of every query and baseline, unmeasured.
  for (let i = 0; i < WARM_UP_ROUNDS; i++) {
    for (const q of QUERIES) {
      await post(service.url, q.query);
      await timers.get(q.name)?.();
    }
  }
  for (let i = 0; i < iterations; i++) {
    for (const q of QUERIES) {
      const t = performance.now();
      trips.set(q.name, await post(service.url, q.query));
      times.get(q.name)!.push(performance.now() - t);
      const timer = timers.get(q.name);
      if (timer) baseTimes.get(q.name)!.push(await timer());
    }
  }
  const out = new Map<string, Latency>();
  for (const q of QUERIES) {
    const sorted = times.get(q.name)!.sort((a, b) => a - b);
    const base = baseTimes.get(q.name)?.sort((a, b) => a - b);
    out.set(q.name, {
      p50: pct(sorted, 50),
      p95: pct(sorted, 95),
      trips: trips.get(q.name)!,
      baseline: base ? pct(base, 50) : undefined,
    });
  }
  return out;
}

/** One line of a bench table; ok: met, missed, null when it could not be judged here, 'ref' for a reference. */
export type Row = [target: string, measure: string, value: string, goal: string, ok: boolean | null | 'ref'];

export const ms = (n: number) => `${n.toFixed(1)} ms`;

/** A query's R1 and R3 rows, from its latencies at 1× (`a`) and at `scale`× (`n`). */
export function scaleRows(q: Bench, a: Latency, n: Latency, scale: number): Row[] {
  return [
    [
      'R1',
      `${q.name}: round trips (1× / ${scale}×)`,
      `${a.trips} / ${n.trips}`,
      q.trips ? `≤ ${q.trips}, not growing` : 'not growing',
      (q.trips ? a.trips <= q.trips : true) && n.trips <= a.trips,
    ],
    [
      'R3',
      `${q.name}: p50/p95 1× → ${scale}×`,
      `${ms(a.p50)}/${ms(a.p95)} → ${ms(n.p50)}/${ms(n.p95)} (${(n.p50 / a.p50).toFixed(2)}×)`,
      '≤ 2× at 1000×',
      scale >= 1000 ? n.p50 <= 2 * a.p50 : null,
    ],
  ];
}
