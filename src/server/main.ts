/**
 * Entry point of `npm start`: read the configuration (exit 2 naming the
 * variable if it is wrong), start the service, stop gracefully on SIGTERM/SIGINT.
 * Everything it says is a pino JSON line (src/ops/log.ts); a configuration
 * error goes to stderr, before any LOG_LEVEL is known.
 */
import { readConfig, type Config } from '../config';
import { ConfigError } from '../errors';
import { createLogger } from '../ops/log';
import { startService, type RunningService } from './service';
import pino from 'pino';

function configOrExit(): Config {
  try {
    return readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      createLogger('error', pino.destination({ dest: 2, sync: true })).fatal(
        { variable: error.variable },
        `configuration error: ${error.message}`,
      );
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.logLevel);
  const state: { service?: RunningService; stopRequested: boolean } = { stopRequested: false };
  const stop = (reason: string) => {
    log.info({ reason }, `${reason}: closing the server and the database`);
    state.service!.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'clean stop failed');
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
        log.warn({ signal }, `${signal} again: exiting without waiting for requests in flight`);
        process.exit(1);
      }
      if (state.service) stop(signal);
      else state.stopRequested = true;
    });
  }
  const service = (state.service = await startService(config, { logger: log }));
  if (state.stopRequested) return stop('signal during start-up');
  log.info(
    { engine: service.store.engine.name, where: config.neo4j ? config.neo4j.uri : config.dataDir },
    `${service.store.engine.name} store${config.neo4j ? ` at ${config.neo4j.uri}` : ` in ${config.dataDir}`}`,
  );
  log.info({ url: `${service.url}/` }, `explorer at ${service.url}/`);
  log.info({ url: `${service.url}/graphql` }, `GraphQL API at ${service.url}/graphql`);
}

main().catch((error: unknown) => {
  createLogger('error').fatal({ err: error }, 'failed to start');
  process.exit(1);
});
