/**
 * The whole service as one object: open the store, seed it if empty, serve
 * HTTP, and stop cleanly. main.ts runs it; tests start it on port 0.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Config } from '../config';
import { openStore, type Store } from '../store/open';
import { isEmpty, loadFixtures } from '../load/load';
import { warmVocabulary } from '../search/vocabulary';
import { Repository } from '../store/repository';
import { createApollo } from './apollo';
import { explorerRoute } from './explorer';
import { exportRoute } from './export';
import { createHttpServer, type Route } from './http';
import { setCursorSecret } from '../graphql/pagination';
import { structureCheck } from '../graphql/limits';
import { silentLogger, type Logger } from '../ops/log';

export interface RunningService {
  store: Store;
  url: string;
  /** Nodes and relationships written by a first-start seed, if one ran. */
  seeded: boolean;
  stop(): Promise<void>;
}

export async function startService(
  config: Config,
  options: { store?: Store; routes?: Route[]; logger?: Logger } = {},
): Promise<RunningService> {
  const logger = options.logger ?? silentLogger;
  const store = options.store ?? (await openStore(config));
  await store.engine.ensureSchema();
  let seeded = false;
  if (config.seedOnStart && (await isEmpty(store.engine, store.queries))) {
    const report = await loadFixtures(store.engine, store.queries, config.fixturesDir);
    logger.info(
      { fixturesDir: config.fixturesDir, nodes: report.counts.nodes },
      `seeded empty ${store.engine.name} store from ${config.fixturesDir}`,
    );
    seeded = true;
  }
  // The first search should not pay for reading every search text: build the vocabulary now.
  await warmVocabulary(new Repository(store.engine, store.queries));
  const { guard } = config;
  setCursorSecret(guard.cursorSecret);
  const apollo = createApollo(guard);
  await apollo.start();
  const server: Server = createHttpServer(
    apollo,
    store,
    [explorerRoute, exportRoute(store), ...(options.routes ?? [])],
    { ...guard, precheck: structureCheck(guard.limits), logger },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // close() waits for open sockets; keep-alive clients would hold it forever.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
      await store.engine.close();
    })());
  return { store, url, seeded, stop };
}
