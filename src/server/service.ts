/**
 * The whole service as one object: open the store, seed it if empty, serve
 * HTTP, and stop cleanly. main.ts runs it; tests start it on port 0.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Config } from '../config';
import { openStore, type Store } from '../store/open';
import { isEmpty, loadFixtures } from '../load/load';
import {
  completeCards,
  completeTalkHeads,
  completeLinks,
  countUncountedEditions,
  keyUnkeyedTalks,
  refoldSearchTexts,
  rederiveStale,
  tokenizeUntokenised,
} from '../load/backfill';
import { warmVocabulary } from '../search/vocabulary';
import { warmNameIndexes } from '../store/name-index';
import { warmIndexes } from '../store/built-index';
import { SEARCH_INDEX, searchIndex } from '../store/analyst';
import { watchLoadStamp } from '../store/stamp-watch';
import { derivationsStale } from '../load/stamp';
import type { Row } from '../store/engine';
import { NAME_LISTS, Repository } from '../store/repository';
import { createApollo } from './apollo';
import { ResponseCache } from './response-cache';
import { explorerRoute } from './explorer';
import { exportRoute } from './export';
import { createHttpServer, type Route } from './http';
import { setCursorSecret } from '../graphql/pagination';
import { structureCheck } from '../graphql/limits';
import { RequestTracker } from './drain';
import { Readiness } from './readiness';
import { silentLogger, type Logger } from '../ops/log';

export interface RunningService {
  store: Store;
  url: string;
  /** True when this start found the store empty and loaded the fixtures into it (SEED_ON_START). */
  seeded: boolean;
  readiness: Readiness;
  /**
   * Graceful stop: /readyz turns 503, no new connection is accepted, requests
   * in flight get up to `config.shutdownDrainMs` to finish, then the database closes.
   */
  stop(): Promise<void>;
}

/** Loads the fixtures into an empty store when SEED_ON_START is on; true when it did. */
async function seedIfEmpty(config: Config, store: Store, logger: Logger): Promise<boolean> {
  if (!config.seedOnStart || !(await isEmpty(store.engine, store.queries))) return false;
  const report = await loadFixtures(store.engine, store.queries, config.fixturesDir);
  logger.info(
    { fixturesDir: config.fixturesDir, nodes: report.counts.nodes },
    `seeded empty ${store.engine.name} store from ${config.fixturesDir}`,
  );
  return true;
}

/**
 * What a store written by an earlier version lacks, stored once at start
 * (src/load/backfill.ts): each step finds nothing to do on a current store.
 */
async function upgradeStore(store: Store, log: (line: string) => void): Promise<void> {
  const keyed = await keyUnkeyedTalks(store.engine, store.queries);
  if (keyed > 0) log(`stored the sort keys and edition ids of ${keyed} talks written by an earlier version`);
  const refolded = await refoldSearchTexts(store.engine, store.queries);
  if (refolded > 0) log(`folded again the search texts of ${refolded} nodes written by an earlier version`);
  const tokenised = await tokenizeUntokenised(store.engine, store.queries);
  if (tokenised > 0) log(`stored the index words of ${tokenised} nodes written by an earlier version`);
  if (await countUncountedEditions(store.engine, store.queries)) {
    log('stored the editions’ counts and ranks, which a store written by an earlier version lacks');
  }
  const rederived = await rederiveStale(store.engine, store.queries);
  if (rederived) {
    log(
      `derived again the link summaries and talk cards (${rederived.links} links, ${rederived.pages} pages ` +
        `and ${rederived.cards} cards written): the last write to the store did not`,
    );
  }
  const linked = await completeLinks(store.engine, store.queries);
  if (linked.links + linked.pages > 0) {
    log(
      `stored ${linked.links} company–project link summaries and ${linked.pages} pages of them, ` +
        'which a store written by an earlier version lacks',
    );
  }
  const carded = await completeCards(store.engine, store.queries);
  if (carded > 0)
    log(
      `stored ${carded} cards (talks, projects, companies) missing from a store written by an earlier version`,
    );
  if (await completeTalkHeads(store.engine, store.queries)) {
    log('stored the talks’ first pages, which the last write (by an earlier version) left behind');
  }
}

/** After a failed derivation, how long stale stamps are left before the next try. */
const REDERIVE_BACKOFF_MS = 30_000;

/**
 * What the service does with each stamp its watcher reads: while it says
 * another process's load left the link summaries and talk cards underived (an
 * earlier version's loader sharing the Neo4j, or one that committed before
 * this start's own check), derive them again, one run at a time. A failure is
 * logged and tried again REDERIVE_BACKOFF_MS later. `settled` is what a stop
 * waits for, at most `ms` (a derivation can wait on another process's load
 * for that long): the store's closing then rolls it back.
 */
function rederiver(
  store: Store,
  logger: Logger,
): { onStamp(row: Row | undefined): void; settled(ms: number): Promise<void> } {
  let running: Promise<void> | undefined;
  let notBefore = 0;
  const run = async (): Promise<void> => {
    try {
      const done = await rederiveStale(store.engine, store.queries);
      if (done)
        logger.info(done, 'derived again the link summaries and talk cards another process’s load left');
    } catch (error) {
      notBefore = Date.now() + REDERIVE_BACKOFF_MS;
      logger.warn({ err: error }, 'could not derive again the link summaries and talk cards');
    } finally {
      running = undefined;
    }
  };
  return {
    onStamp(row) {
      if (!running && Date.now() >= notBefore && derivationsStale(row)) running = run();
    },
    async settled(ms) {
      if (!running) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
      clearTimeout(timer);
    },
  };
}

export async function startService(
  config: Config,
  options: { store?: Store; routes?: Route[]; logger?: Logger } = {},
): Promise<RunningService> {
  const logger = options.logger ?? silentLogger;
  // Start-up steps (store recovery, seeding, draining) report in plain sentences.
  const log = (line: string) => logger.info(line);
  const store = options.store ?? (await openStore(config, log));
  await store.engine.ensureSchema();
  const seeded = await seedIfEmpty(config, store, logger);
  await upgradeStore(store, log);
  // Another process's load of a shared Neo4j bumps the graph version here too.
  const derivations = rederiver(store, logger);
  const stampWatch = watchLoadStamp(store.engine, store.queries, { onRead: derivations.onStamp });
  const readiness = new Readiness(store, log);
  await readiness.verifySearch();
  // The first search should not pay for reading every search text: build the vocabulary now,
  // the search index and the name lists' indexes (without them, search and pages filtered by
  // name run their statements).
  const warmRepo = new Repository(store.engine, store.queries);
  await Promise.all([
    warmVocabulary(warmRepo),
    warmIndexes(store.engine, [SEARCH_INDEX], () => searchIndex(warmRepo)).catch((error: unknown) =>
      logger.warn({ err: error }, 'search index not built at start; the next search builds it'),
    ),
    warmNameIndexes(store.engine, NAME_LISTS, (list) => warmRepo.nameTexts(list)).catch((error: unknown) =>
      logger.warn(
        { err: error },
        'name indexes not built at start; the first page filtered by name builds them',
      ),
    ),
  ]);
  const { guard } = config;
  setCursorSecret(guard.cursorSecret);
  // One cache: Apollo's plugin fills it, and the route answers plain repeats before Apollo.
  const cache = new ResponseCache();
  const apollo = createApollo({ ...guard, cache });
  await apollo.start();
  const server: Server = createHttpServer(
    apollo,
    store,
    [explorerRoute, exportRoute(store, guard.exports), ...(options.routes ?? [])],
    { ...guard, precheck: structureCheck(guard.limits), readiness, logger, cache },
  );
  const tracker = new RequestTracker(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      readiness.startDraining();
      const drained = await tracker.drain(config.shutdownDrainMs);
      if (drained.finished > 0 || drained.cut > 0) {
        log(
          `drained: ${drained.finished} request(s) finished` +
            (drained.cut > 0 ? `, ${drained.cut} cut at the ${config.shutdownDrainMs} ms deadline` : ''),
        );
      }
      await apollo.stop();
      stampWatch.stop();
      await derivations.settled(config.shutdownDrainMs);
      await store.engine.close();
    })());
  return { store, url, seeded, readiness, stop };
}
