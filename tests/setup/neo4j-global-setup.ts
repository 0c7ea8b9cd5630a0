/**
 * Jest global setup: gives the Neo4j variant of every contract suite a real
 * Neo4j 5.26 server for the whole run.
 *
 * - NEO4J_URI set by the user: that server is used (and its database reset by the suites).
 * - Otherwise, with Java and Maven: one launcher (neo4j/) is built if needed and
 *   started on a free loopback port with a random password, in a temp home.
 * - Otherwise the Neo4j variants are skipped with a notice, unless
 *   REQUIRE_NEO4J=1, which turns that skip into a failed run (CI sets it).
 *
 * The suites read RECAP_TEST_NEO4J_* rather than NEO4J_*, so processes the
 * tests spawn to exercise the embedded store never inherit a Neo4j address.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLauncherBuilt, javaToolsAvailable, startNeo4j } from '../../src/store/neo4j/launcher';
import { setLaunchedNeo4j } from './neo4j-state';

const say = (line: string): void => {
  process.stderr.write(`\n[neo4j] ${line}`);
};

export default async function globalSetup(): Promise<void> {
  const required = process.env.REQUIRE_NEO4J === '1';
  if (process.env.NEO4J_URI) {
    process.env.RECAP_TEST_NEO4J_URI = process.env.NEO4J_URI;
    process.env.RECAP_TEST_NEO4J_USER = process.env.NEO4J_USER ?? 'neo4j';
    process.env.RECAP_TEST_NEO4J_PASSWORD = process.env.NEO4J_PASSWORD ?? '';
    if (process.env.NEO4J_DATABASE) process.env.RECAP_TEST_NEO4J_DATABASE = process.env.NEO4J_DATABASE;
    say(`using NEO4J_URI=${process.env.NEO4J_URI}: its database is reset by the tests\n`);
    return;
  }
  const tools = javaToolsAvailable();
  if (!tools.ok) {
    const why = `${tools.missing.join(' and ')} not found: no Neo4j server for the tests`;
    if (required) throw new Error(`REQUIRE_NEO4J=1 but ${why}`);
    say(`${why}; the Neo4j variants are SKIPPED\n`);
    return;
  }
  const started = Date.now();
  ensureLauncherBuilt(say);
  const home = mkdtempSync(join(tmpdir(), 'recap-graph-neo4j-'));
  const password = randomBytes(12).toString('hex');
  const server = await startNeo4j({ home, port: 0, password });
  process.env.RECAP_TEST_NEO4J_URI = server.uri;
  process.env.RECAP_TEST_NEO4J_USER = server.user;
  process.env.RECAP_TEST_NEO4J_PASSWORD = password;
  process.env.RECAP_TEST_NEO4J_HOME = home;
  setLaunchedNeo4j(server, home);
  say(`Neo4j 5.26 launched at ${server.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
