/**
 * `npm run neo4j`: a Neo4j 5.26 community server in the foreground on
 * 127.0.0.1:7687, data under ./data/neo4j, for anyone with Java but no Docker.
 * NEO4J_PASSWORD sets the password (default `recap-graph-dev`), NEO4J_PORT the
 * port, NEO4J_HOME the directory. Ctrl+C or SIGTERM stop it cleanly.
 */
import { resolve } from 'node:path';
import { ensureLauncherBuilt, javaToolsAvailable, startNeo4j } from './launcher';

const DEFAULT_PASSWORD = 'recap-graph-dev';

async function main(): Promise<void> {
  const tools = javaToolsAvailable();
  if (!tools.ok) {
    process.stderr.write(`npm run neo4j needs Java 17 and Maven: ${tools.missing.join(', ')} not found\n`);
    process.exit(2);
  }
  const port = Number(process.env.NEO4J_PORT ?? 7687);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`NEO4J_PORT: must be a whole number from 0 to 65535\n`);
    process.exit(2);
  }
  const password = process.env.NEO4J_PASSWORD || DEFAULT_PASSWORD;
  const home = resolve(process.env.NEO4J_HOME ?? 'data/neo4j');
  ensureLauncherBuilt((line) => process.stderr.write(`${line}\n`));
  process.stderr.write(`starting Neo4j 5.26 community in ${home} …\n`);
  const server = await startNeo4j({ home, port, password, stderr: 'inherit' });
  process.stdout.write(
    [
      `Neo4j is ready at ${server.uri} (user neo4j, password ${password === DEFAULT_PASSWORD ? DEFAULT_PASSWORD : 'from NEO4J_PASSWORD'})`,
      `In another terminal: NEO4J_URI=${server.uri} NEO4J_PASSWORD=${password === DEFAULT_PASSWORD ? password : '…'} npm start`,
      'Ctrl+C stops it.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.once('exit', (code) => {
    if (!stopping) process.exit(code ?? 1);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
