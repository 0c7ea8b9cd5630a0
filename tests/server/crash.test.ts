/**
 * Crash safety on Kuzu, with real processes killed by SIGKILL: while serving
 * under load, right after a committed write the database had not flushed, and
 * in the middle of `npm run load -- --reset`. After each kill the next start
 * must serve exactly the state before or after — node and relationship
 * counts, and what search finds — and /readyz must say so.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphCounts, type GraphCounts } from '../../src/load/load';
import { PROJECT_ROOT } from '../../src/paths';
import { openStore, kuzuPath, queriesFor } from '../../src/store/open';
import { MINI_FIXTURES } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';
import { indexTokens } from '../../src/search/tokens';
import {
  baseEnv,
  buildDist,
  exitOf,
  graphql,
  killLeftovers,
  LOAD,
  MAIN,
  startMain,
  track,
} from '../helpers/processes';

/** Words whose hits differ between the two fixture states, and words they share. */
const WORDS = ['nova', 'zelda', 'commerce', 'shopify', 'envoy', 'kubecon', 'linkerd', 'observability'];

interface Snapshot {
  counts: GraphCounts;
  search: Record<string, string[]>;
}

const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `recap-graph-${prefix}-`));

/** What a running server finds for WORDS (ids, sorted), after checking it says it is ready. */
async function searchOf(url: string): Promise<Record<string, string[]>> {
  const ready = await fetch(`${url}/readyz`);
  expect(ready.status).toBe(200);
  const out: Record<string, string[]> = {};
  for (const word of WORDS) {
    const body = await graphql<{ search: { node: { id: string } }[] }>(
      url,
      `{ search(query: "${word}", first: 50) { node { id } } }`,
    );
    expect(body.errors).toBeUndefined();
    out[word] = body.data!.search.map((h) => h.node.id).sort();
  }
  return out;
}

/** Node and relationship counts of a stopped store, opened in this process. */
async function countsOf(dataDir: string): Promise<GraphCounts> {
  const store = await openStore({ dataDir, neo4j: undefined });
  try {
    return await graphCounts(store.engine, store.queries);
  } finally {
    await store.engine.close();
  }
}

/** Starts the server on `dataDir` (which recovers whatever a crash left), reads the state, stops it cleanly. */
async function snapshot(dataDir: string): Promise<Snapshot & { log: string }> {
  const server = await startMain({ PORT: '0', DATA_DIR: dataDir, SEED_ON_START: 'false' });
  let search: Record<string, string[]>;
  try {
    search = await searchOf(server.url);
  } finally {
    server.child.kill('SIGTERM');
    expect(await exitOf(server.child)).toBe(0);
  }
  return { counts: await countsOf(dataDir), search, log: server.output() };
}

/**
 * A script run by its own node process on the store in `dir`, with raw Kuzu
 * (connection `c`): what the service itself never does, such as leaving a
 * commit in the log unflushed or an earlier version's indexes.
 */
function rawKuzuScript(dir: string, name: string, body: string): string {
  const script = join(dir, name);
  writeFileSync(
    script,
    `const kuzu = require(${JSON.stringify(join(PROJECT_ROOT, 'node_modules', 'kuzu'))});
(async () => {
  const db = new kuzu.Database(${JSON.stringify(kuzuPath(dir))}, 64 * 1024 * 1024);
  await db.init();
  const c = new kuzu.Connection(db);
  ${body}
})().catch((e) => { console.error(e); process.exit(1); });`,
  );
  return script;
}

/** Starts the server on `dir` and SIGKILLs it `delayMs` after its log first matches `when`; gives its log. */
async function startKilledAt(dir: string, when: RegExp, delayMs: number): Promise<string> {
  const starting = track(
    spawn(process.execPath, [MAIN], {
      env: { ...baseEnv(), PORT: '0', DATA_DIR: dir, SEED_ON_START: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let log = '';
  starting.stdout!.on('data', (c: Buffer) => {
    const seen = when.test(log);
    log += c.toString();
    if (!seen && when.test(log)) setTimeout(() => starting.kill('SIGKILL'), delayMs);
  });
  expect(await exitOf(starting)).toBe('SIGKILL');
  return log;
}

const stateOf = (snap: Snapshot, states: Record<string, Snapshot>) =>
  Object.entries(states).find(
    ([, s]) =>
      JSON.stringify(s.counts) === JSON.stringify(snap.counts) &&
      JSON.stringify(s.search) === JSON.stringify(snap.search),
  )?.[0] ?? `neither: ${JSON.stringify(snap)}`;

const load = (fixtures: string, dataDir: string) =>
  execFileSync(process.execPath, [LOAD, '--fixtures', fixtures, '--reset'], {
    env: { ...baseEnv(), DATA_DIR: dataDir },
    encoding: 'utf8',
  });

describe('crash safety on Kuzu (SIGKILL)', () => {
  const dirs: string[] = [];
  let fixturesB: string;
  let a: Snapshot;
  let b: Snapshot;
  /** A data directory holding state A, cleanly stopped. */
  let seededA: string;

  beforeAll(async () => {
    buildDist();
    // State B: one more person (an insert) and a company renamed (an update of its search text).
    fixturesB = mutatedFixtures((f) => {
      f.people.push({ id: 'person:zelda-quasimodo', name: 'Zelda Quasimodo', aliases: [] });
      f.companies.find((c: { id: string }) => c.id === 'company:shopify').name = 'Shopify Commerce';
    });
    seededA = tempDir('crash-a');
    dirs.push(seededA);
    load(MINI_FIXTURES, seededA);
    a = await snapshot(seededA);
    const dirB = tempDir('crash-b');
    dirs.push(dirB);
    load(fixturesB, dirB);
    b = await snapshot(dirB);
    // The two states must really differ where the test looks.
    expect(a.search.nova).toEqual(['person:kris-nova']);
    expect(a.search.zelda).toEqual([]);
    expect(b.search.zelda).toEqual(['person:zelda-quasimodo']);
    expect(b.search.commerce).toEqual(['company:shopify']);
    expect(b.counts.nodes.Person).toBe(a.counts.nodes.Person! + 1);
  }, 240_000);

  afterEach(() => killLeftovers());
  afterAll(() => {
    killLeftovers();
    for (const dir of [...dirs, fixturesB]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the same data and search after kill -9 while serving, three times in a row', async () => {
    const dir = tempDir('crash-serving');
    dirs.push(dir);
    const env = { PORT: '0', DATA_DIR: dir, FIXTURES_DIR: MINI_FIXTURES };
    for (let round = 0; round < 3; round++) {
      // Round 0 seeds the empty directory; later rounds start on what the previous kill left.
      const server = await startMain(env);
      expect(await searchOf(server.url)).toEqual(a.search);
      // Kill in the middle of a burst of requests.
      const burst = Array.from({ length: 20 }, (_, i) =>
        graphql(server.url, `{ search(query: "${WORDS[i % WORDS.length]}") { label } }`).catch(() => null),
      );
      await new Promise((r) => setTimeout(r, 30));
      server.child.kill('SIGKILL');
      expect(await exitOf(server.child)).toBe('SIGKILL');
      await Promise.all(burst);
    }
    const after = await snapshot(dir);
    expect(stateOf(after, { a })).toBe('a');
  }, 240_000);

  it('rebuilds the full-text indexes when the last committed write was only in the write-ahead log, even after a crash during the rebuild', async () => {
    const dir = tempDir('crash-wal');
    dirs.push(dir);
    cpSync(seededA, dir, { recursive: true });
    // A committed MERGE … SET searchTokens (what every load does), then SIGKILL before any
    // checkpoint: raw Kuzu, because the service itself checkpoints after every write.
    const script = rawKuzuScript(
      dir,
      'commit-then-die.js',
      `await c.query('CALL auto_checkpoint=false');
  const st = await c.prepare(${JSON.stringify(queriesFor('kuzu').get('load/person').text)});
  await c.query('BEGIN TRANSACTION');
  if (!st.isSuccess()) throw new Error(st.getErrorMessage());
  await c.execute(st, { rows: [{ id: 'person:zelda-quasimodo', name: 'Zelda Quasimodo', aliases: ['ZQ'], searchText: 'zelda quasimodo zq', searchTokens: ${JSON.stringify(indexTokens('zelda quasimodo zq'))} }] });
  await c.query('COMMIT');
  process.kill(process.pid, 'SIGKILL');`,
    );
    const child = track(spawn(process.execPath, [script], { stdio: 'inherit' }));
    expect(await exitOf(child)).toBe('SIGKILL');

    // A crash during the recovery itself: SIGKILL the server as soon as it starts rebuilding.
    const recoveryLog = await startKilledAt(dir, /rebuilding the full-text indexes/, 0);
    expect(recoveryLog).not.toMatch(/GraphQL API at/);

    const after = await snapshot(dir);
    expect(after.counts.nodes.Person).toBe(a.counts.nodes.Person! + 1);
    expect(after.search.zelda).toEqual(['person:zelda-quasimodo']);
    expect(after.search.nova).toEqual(a.search.nova);
    expect(after.search.envoy).toEqual(a.search.envoy);
    expect(after.log).toMatch(/rebuilding the full-text indexes/);
  }, 120_000);

  it('starts with search whole after kill -9 while it makes the full-text indexes of a store an earlier version indexed', async () => {
    // An earlier version's store: its indexes are named *_search and read searchText.
    const old = tempDir('crash-index-old');
    dirs.push(old);
    cpSync(seededA, old, { recursive: true });
    const labels = ['Edition', 'Article', 'Talk', 'Person', 'Company', 'Project', 'Announcement'];
    const script = rawKuzuScript(
      old,
      'index-as-before.js',
      `for (const l of ${JSON.stringify(labels)}) {
    await c.query("CALL DROP_FTS_INDEX('" + l + "', '" + l.toLowerCase() + "_tokens')");
    await c.query("CALL CREATE_FTS_INDEX('" + l + "', '" + l.toLowerCase() + "_search', ['searchText'])");
  }
  // Checkpointed, then exit: closing after DROP_FTS_INDEX crashes Kuzu 0.11.3 (segfault).
  await c.query('CHECKPOINT');
  process.exit(0);`,
    );
    execFileSync(process.execPath, [script], { stdio: 'inherit' });
    // Killed at several moments after its last drop, so inside the creations that follow:
    // Kuzu cannot create an index again under a name whose creation was cut short.
    const outcomes: string[] = [];
    for (const delayMs of [0, 30, 80, 150, 300]) {
      const dir = tempDir('crash-index');
      dirs.push(dir);
      cpSync(old, dir, { recursive: true });
      const log = await startKilledAt(dir, /dropping the full-text index announcement_search/, delayMs);
      const after = await snapshot(dir);
      outcomes.push(`${delayMs} ms: ${/GraphQL API at/.test(log) ? 'served first' : 'killed starting'}`);
      expect(after.search).toEqual(a.search);
      expect(after.counts).toEqual(a.counts);
    }
    console.log(`index creation killed at: ${outcomes.join('; ')}`);
  }, 240_000);

  it('serves exactly the state before or after when `load --reset` is killed at any moment', async () => {
    const dir = tempDir('crash-load');
    dirs.push(dir);
    cpSync(seededA, dir, { recursive: true });
    // One uninterrupted load (A → B) to time it on this machine; then kill points spread over
    // that duration (process start, schema check, the transaction, the checkpoint), and once
    // right after the loader reports success.
    const started = performance.now();
    load(fixturesB, dir);
    const loadMs = performance.now() - started;
    let current: 'a' | 'b' = 'b';
    const seen: string[] = [`full load ${loadMs.toFixed(0)} ms`];
    const killPoints = [0.2, 0.35, 0.5, 0.65, 0.8, 0.95].map((f) => Math.round(f * loadMs));
    for (const killAt of [...killPoints, 'loaded' as const]) {
      const target = current === 'a' ? fixturesB : MINI_FIXTURES;
      const child = track(
        spawn(process.execPath, [LOAD, '--fixtures', target, '--reset'], {
          env: { ...baseEnv(), DATA_DIR: dir },
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      );
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (killAt === 'loaded' && /^loaded /m.test(out)) child.kill('SIGKILL');
      });
      const timer = typeof killAt === 'number' ? setTimeout(() => child.kill('SIGKILL'), killAt) : undefined;
      const exit = await exitOf(child);
      clearTimeout(timer);
      const after = await snapshot(dir);
      const state = stateOf(after, { a, b });
      seen.push(`${killAt}: ${exit} → ${state}`);
      expect(state).toMatch(/^(a|b)$/);
      if (killAt === 'loaded') expect(state).toBe(current === 'a' ? 'b' : 'a');
      current = state as 'a' | 'b';
    }
    console.log(`load --reset killed at: ${seen.join('; ')}`);
  }, 300_000);

  it('leaves nothing or everything when a first load into a new store (schema, then bulk COPY) is killed, and the next start seeds it whole', async () => {
    // One uninterrupted bulk load to time it, then kill points spread over that duration.
    const timing = tempDir('crash-bulk-time');
    dirs.push(timing);
    const started = performance.now();
    load(MINI_FIXTURES, timing);
    const loadMs = performance.now() - started;
    const total = (c: GraphCounts) => Object.values(c.nodes).reduce((x, y) => x + (y ?? 0), 0);
    const seen: string[] = [`full load ${loadMs.toFixed(0)} ms`];
    for (const f of [0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 0.95]) {
      const dir = tempDir('crash-bulk');
      dirs.push(dir);
      const child = track(
        spawn(process.execPath, [LOAD, '--fixtures', MINI_FIXTURES], {
          env: { ...baseEnv(), DATA_DIR: dir },
          stdio: 'ignore',
        }),
      );
      const timer = setTimeout(() => child.kill('SIGKILL'), Math.round(f * loadMs));
      const exit = await exitOf(child);
      clearTimeout(timer);
      const after = await snapshot(dir);
      const state = total(after.counts) === 0 ? 'empty' : stateOf(after, { a });
      seen.push(`${Math.round(f * loadMs)} ms: ${exit} → ${state}`);
      expect(state).toMatch(/^(a|empty)$/);
      // And a start that seeds (the default) serves the whole graph.
      const server = await startMain({ PORT: '0', DATA_DIR: dir, FIXTURES_DIR: MINI_FIXTURES });
      try {
        expect(await searchOf(server.url)).toEqual(a.search);
      } finally {
        server.child.kill('SIGTERM');
        expect(await exitOf(server.child)).toBe(0);
      }
      expect(await countsOf(dir)).toEqual(a.counts);
    }
    console.log(`bulk load killed at: ${seen.join('; ')}`);
  }, 300_000);
});
