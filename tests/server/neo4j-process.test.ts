/**
 * The service and the loader as users run them against a real Neo4j 5.26:
 * `npm start` with NEO4J_URI on an empty database creates the schema and
 * seeds it; `npm run load` (with and without --reset) writes, refuses bad data
 * without writing; and when the Neo4j process dies under a running service,
 * readiness and queries say so within seconds and recover, without a restart,
 * once Neo4j is back on the same port and data.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { readConfig } from '../../src/config';
import { startService, type RunningService } from '../../src/server/service';
import { javaToolsAvailable, startNeo4j, type RunningNeo4j } from '../../src/store/neo4j/launcher';
import { MINI_FIXTURES, NEO4J_ENABLED, neo4jTestEnv, skipNeo4j } from '../helpers/engines';
import { mutatedFixtures } from '../helpers/fixtures';
import { buildDist, exitOf, LOAD, run, startMain } from '../helpers/processes';
import { TOKEN_INDEXES } from '../helpers/queries';

const env = neo4jTestEnv();

function testDriver(): Driver {
  return neo4j.driver(env.NEO4J_URI!, neo4j.auth.basic(env.NEO4J_USER!, env.NEO4J_PASSWORD!));
}

async function cypher(driver: Driver, query: string): Promise<Record<string, unknown>[]> {
  const { records } = await driver.executeQuery(query, {}, { database: env.NEO4J_DATABASE });
  return records.map((r) => r.toObject());
}

/** An empty database with no constraints or indexes: what a brand-new Neo4j looks like. */
async function emptyDatabase(driver: Driver): Promise<void> {
  await cypher(driver, 'MATCH (n) DETACH DELETE n');
  for (const row of await cypher(driver, 'SHOW CONSTRAINTS YIELD name'))
    await cypher(driver, `DROP CONSTRAINT \`${String(row.name)}\``);
  for (const row of await cypher(driver, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'"))
    await cypher(driver, `DROP INDEX \`${String(row.name)}\``);
}

const count = async (driver: Driver, what: string): Promise<number> =>
  Number((await cypher(driver, `${what} RETURN count(*) AS n`))[0]!.n);

// `no-cache`: these tests are about the database path, not answers the response cache still holds.
const gql = async (url: string, query: string) =>
  (await (
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' },
      body: JSON.stringify({ query }),
    })
  ).json()) as { data?: Record<string, unknown>; errors?: { extensions: { code: string } }[] };

if (NEO4J_ENABLED) {
  describe('processes on Neo4j', () => {
    let driver: Driver;
    beforeAll(async () => {
      buildDist();
      driver = testDriver();
    }, 120_000);
    afterAll(() => driver.close());

    it('npm start on an empty database creates the schema, seeds, serves search, and does not reseed', async () => {
      await emptyDatabase(driver);
      const first = await startMain({ ...env, PORT: '0', FIXTURES_DIR: MINI_FIXTURES });
      try {
        expect(first.output()).toMatch(/seeded empty neo4j store/);
        const constraints = (await cypher(driver, 'SHOW CONSTRAINTS YIELD name')).map((r) => r.name);
        expect(constraints).toEqual(expect.arrayContaining(['talk_id', 'person_id', 'edition_id']));
        const indexes = await cypher(
          driver,
          "SHOW FULLTEXT INDEXES YIELD name, state WHERE name ENDS WITH '_tokens' RETURN name, state ORDER BY name",
        );
        expect(indexes).toEqual(TOKEN_INDEXES.map((name) => ({ name, state: 'ONLINE' })));
        const answer = await gql(first.url, '{ editions { id } search(query: "envoi") { node { id } } }');
        expect(answer.data?.editions).toHaveLength(3);
        expect(answer.data?.search).toContainEqual({ node: { id: 'project:envoy' } });
      } finally {
        first.child.kill('SIGTERM');
        expect(await exitOf(first.child)).toBe(0);
      }
      const nodes = await count(driver, 'MATCH (n)');
      const second = await startMain({ ...env, PORT: '0', FIXTURES_DIR: MINI_FIXTURES });
      second.child.kill('SIGTERM');
      expect(await exitOf(second.child)).toBe(0);
      expect(second.output()).not.toMatch(/seeded/);
      expect(await count(driver, 'MATCH (n)')).toBe(nodes);
    }, 120_000);

    it('npm run load writes idempotently, --reset rebuilds, and bad data writes nothing', async () => {
      await emptyDatabase(driver);
      const first = run(LOAD, ['--fixtures', MINI_FIXTURES], env);
      expect(first.status).toBe(0);
      expect(first.stdout).toMatch(/into neo4j/);
      const counts = async () => [await count(driver, 'MATCH (n)'), await count(driver, 'MATCH ()-[r]->()')];
      const loaded = await counts();
      expect(loaded[0]).toBeGreaterThan(20);

      expect(run(LOAD, ['--fixtures', MINI_FIXTURES], env).status).toBe(0);
      expect(await counts()).toEqual(loaded);

      await cypher(driver, "CREATE (:Talk {id: 'talk:left-over'})");
      const reset = run(LOAD, ['--fixtures', MINI_FIXTURES, '--reset'], env);
      expect(reset.stdout).toMatch(/\(after reset\)/);
      expect(await counts()).toEqual(loaded);

      const bad = mutatedFixtures((f) => (f.talks[2].editionId = 'edition:nowhere'));
      try {
        const refused = run(LOAD, ['--fixtures', bad, '--reset'], env);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toMatch(/talks.json: \[2\].editionId: no edition with id edition:nowhere/);
      } finally {
        rmSync(bad, { recursive: true, force: true });
      }
      expect(await counts()).toEqual(loaded);
    }, 120_000);
  });
} else {
  skipNeo4j('processes on Neo4j', () => {
    it('needs a Neo4j server', () => undefined);
  });
}

const CAN_LAUNCH = javaToolsAvailable().ok;

if (CAN_LAUNCH) {
  describe('a running service when its Neo4j dies and comes back', () => {
    let home: string;
    let server: RunningNeo4j | undefined;
    let service: RunningService | undefined;
    const password = randomBytes(12).toString('hex');
    beforeAll(async () => {
      home = mkdtempSync(join(tmpdir(), 'recap-graph-neo4j-fault-'));
      server = await startNeo4j({ home, port: 0, password });
      const config = readConfig({
        PORT: '0',
        FIXTURES_DIR: MINI_FIXTURES,
        NEO4J_URI: server.uri,
        NEO4J_PASSWORD: password,
      });
      service = await startService(config);
    }, 120_000);
    afterAll(async () => {
      await service?.stop();
      await server?.stop();
      rmSync(home, { recursive: true, force: true });
    });

    it('readyz turns 503 within 2 s, queries answer SERVICE_UNAVAILABLE, then both recover', async () => {
      const url = service!.url;
      const ok = await gql(url, '{ editions { id } }');
      expect(ok.data?.editions).toHaveLength(3);
      const port = server!.port;

      await server!.kill();
      const killedAt = Date.now();
      let ready = 200;
      while (ready !== 503 && Date.now() - killedAt < 2_000) {
        ready = (await fetch(`${url}/readyz`)).status;
        if (ready !== 503) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready).toBe(503);
      expect(Date.now() - killedAt).toBeLessThan(2_000);

      const askedAt = Date.now();
      const down = await gql(url, '{ editions { id } }');
      expect(down.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
      // The driver's retries are bounded (maxTransactionRetryTime 5 s, connection timeout 5 s).
      expect(Date.now() - askedAt).toBeLessThan(12_000);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      server = await startNeo4j({ home, port, password });
      const restartedAt = Date.now();
      let back: Awaited<ReturnType<typeof gql>> = {};
      while (Date.now() - restartedAt < 30_000) {
        if ((await fetch(`${url}/readyz`)).status === 200) {
          back = await gql(url, '{ editions { id } }');
          if (back.data) break;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(back.data?.editions).toHaveLength(3);
    }, 120_000);
  });
} else {
  skipNeo4j('a running service when its Neo4j dies and comes back', () => {
    it('needs Java and Maven to start and stop its own Neo4j', () => undefined);
  });
}
