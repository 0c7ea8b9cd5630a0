/**
 * Entry point of `npm start`: read the configuration (exit 2 naming the
 * variable if it is wrong), start the service, stop gracefully on SIGTERM/SIGINT.
 */
import { readConfig, type Config } from '../config';
import { ConfigError } from '../errors';
import { startService, type RunningService } from './service';

const log = (line: string) => console.log(`[recap-graph] ${line}`);

function configOrExit(): Config {
  try {
    return readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const state: { service?: RunningService; stopRequested: boolean } = { stopRequested: false };
  const stop = (reason: string) => {
    log(`${reason}: closing the server and the database`);
    state.service!.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // Handlers go in before anything is announced: a supervisor may signal as
  // soon as it sees the "serving" line. A signal during start-up (seeding runs
  // in one transaction) is honoured once start-up has finished.
  // The first signal drains (see service.stop); a second one, of either kind,
  // means the operator will not wait: exit at once.
  let signals = 0;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (++signals > 1) {
        log(`${signal} again: exiting without waiting for requests in flight`);
        process.exit(1);
      }
      if (state.service) stop(signal);
      else state.stopRequested = true;
    });
  }
  const service = (state.service = await startService(config, { log }));
  if (state.stopRequested) return stop('signal during start-up');
  log(
    `${service.store.engine.name} store${config.neo4j ? ` at ${config.neo4j.uri}` : ` in ${config.dataDir}`}`,
  );
  log(`explorer at ${service.url}/`);
  log(`GraphQL API at ${service.url}/graphql`);
}

main().catch((error: unknown) => {
  console.error('[recap-graph] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
