/**
 * The container files, checked without a Docker engine: docker-compose.yml
 * parsed as YAML (healthchecks, start order, restart policy, no secret in the
 * file), the Dockerfile's stages, user and HEALTHCHECK (whose command is run
 * here against a real service), and .env.example / README listing every
 * variable. scripts/simulate-container.sh runs the image's layout as a
 * non-root user; what neither can check is listed in the README.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '../../src/config';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestService } from '../helpers/service';

const read = (name: string) => readFileSync(join(PROJECT_ROOT, name), 'utf8');

interface Service {
  image?: string;
  stop_grace_period?: string;
  build?: unknown;
  restart?: string;
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service> };

/** Variables the compose file takes from .env or the environment: `${NAME}`, `${NAME:-x}`, `${NAME:?x}`. */
const composeVariables = [...read('docker-compose.yml').matchAll(/(?<!\$)\$\{([A-Z_0-9]+)/g)].map(
  (m) => m[1]!,
);

describe('docker-compose.yml', () => {
  const { neo4j, 'recap-graph': service } = compose.services;

  it('has a healthcheck and a restart policy on both services', () => {
    for (const s of [neo4j, service]) {
      expect(s?.healthcheck?.test.length).toBeGreaterThan(0);
      expect(s?.restart).toMatch(/^(always|unless-stopped|on-failure)/);
    }
    expect(neo4j!.healthcheck!.test.join(' ')).toMatch(/cypher-shell|7474/);
    expect(service!.healthcheck!.test.join(' ')).toMatch(/\/readyz/);
  });

  it('runs the Neo4j version the tests run, and gives the service time to drain on stop', () => {
    const tested = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(read('neo4j/pom.xml'))![1];
    expect(neo4j!.image).toBe(`neo4j:${tested}-community`);
    // Longer than SHUTDOWN_DRAIN_MS's default (10 s), Docker's own default.
    expect(service!.stop_grace_period).toBe('15s');
  });

  it('starts the service only once Neo4j is healthy', () => {
    expect(service!.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(service!.environment!.NEO4J_URI).toBe('neo4j://neo4j:7687');
  });

  it('writes no password: both services take NEO4J_PASSWORD from .env and refuse to start without it', () => {
    expect(neo4j!.environment!.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?[^}]+\}$/);
    expect(service!.environment!.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:\?[^}]+\}$/);
    expect(read('docker-compose.yml')).not.toMatch(/recap-graph-dev/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile').replace(/\\\n/g, ' ');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages.at(-1)!;

  it('builds in one stage and runs a slim image with production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    // Pinned to a patch release, the same in every stage (build and runtime share native modules).
    expect(new Set(stages.map((stage) => stage.split(/\s/)[0]))).toEqual(
      new Set([expect.stringMatching(/^node:20\.\d+\.\d+-bookworm-slim$/)]),
    );
    expect(runtime).not.toMatch(/RUN npm ci(?!.*--omit=dev)/);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/COPY --from=build \/app\/dist/);
  });

  it('runs as a non-root user who owns the data directory and nothing else', () => {
    expect(runtime).toMatch(/^USER recap$/m);
    expect(runtime).toMatch(/DATA_DIR=\/data/);
    expect(runtime).toMatch(/chown recap:recap \/data/);
    expect(runtime).not.toMatch(/chown[^\n]*\/app/);
  });

  it('has a HEALTHCHECK on /readyz that passes on a ready service and fails when nothing answers', async () => {
    const match = /^HEALTHCHECK .*?CMD (\[.*\])$/m.exec(runtime);
    expect(match).not.toBeNull();
    const [command, ...args] = JSON.parse(match![1]!) as string[];
    expect(command).toBe('node');
    expect(args.join(' ')).toMatch(/\/readyz/);
    // Asynchronous: the service answering the probe runs in this very process.
    const probe = (port: string) =>
      new Promise<number | null>((resolve) => {
        const child = execFile(process.execPath, args, { env: { ...process.env, PORT: port } });
        child.on('exit', (code) => resolve(code));
      });
    const service = await startTestService();
    const port = new URL(service.url).port;
    try {
      expect(await probe(port)).toBe(0);
      await service.store.engine.close(); // the database is gone: /readyz answers 503
      expect(await probe(port)).toBe(1);
    } finally {
      await service.close();
    }
    expect(await probe(port)).toBe(1); // nothing listens any more
  }, 30_000);
});

describe('.env.example and the README', () => {
  const example = read('.env.example');
  const listed = new Set([...example.matchAll(/^(?:# )?([A-Z_0-9]+)=/gm)].map((m) => m[1]!));

  it('.env.example lists every variable of the service and of docker-compose.yml', () => {
    const missing = [...Object.keys(CONFIG_VARIABLES), ...composeVariables].filter((v) => !listed.has(v));
    expect(missing).toEqual([]);
    // Only the password is set (compose requires it); every other line is a commented default.
    expect([...example.matchAll(/^([A-Z_0-9]+)=/gm)].map((m) => m[1])).toEqual(['NEO4J_PASSWORD']);
  });

  it('the README configuration table and .env.example list the same variables', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('\n## Configuration\n'));
    const configuration = section.slice(0, section.indexOf('\n## ', 1));
    const table = new Set([...configuration.matchAll(/^\| `([A-Z_0-9]+)` \|/gm)].map((m) => m[1]!));
    expect([...listed].filter((v) => !table.has(v))).toEqual([]);
    expect([...table].filter((v) => !listed.has(v))).toEqual([]);
  });
});
