/**
 * Entry point of `npm start`: read the configuration (exit 2 naming the
 * variable if it is wrong), start the service, stop cleanly on SIGTERM/SIGINT.
 */
import { readConfig } from '../config';
import { ConfigError } from '../errors';
import { startService } from './service';

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const log = (line: string) => console.log(`[recap-graph] ${line}`);
  const service = await startService(config, { log });
  log(`${service.store.engine.name} store${config.neo4j ? ` at ${config.neo4j.uri}` : ` in ${config.dataDir}`}`);
  log(`GraphQL API at ${service.url}/graphql`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log(`${signal}: closing the server and the database`);
      service.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error('[recap-graph] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
