/**
 * The cost estimate counts Query.editions and Query.articles as long as the
 * graph says (src/graphql/list-sizes.ts), on each engine: a document the
 * assumed size of 10 would refuse passes on a graph of 3 editions, is refused
 * once a load has made the list long enough, and passes again with a `first`.
 * The count is read once per graph version, and never for other documents.
 */
import { join } from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { DEFAULT_LIMITS } from '../../src/config';
import { createContext, type Context } from '../../src/graphql/context';
import { loadFixtures } from '../../src/load/load';
import { PROJECT_ROOT } from '../../src/paths';
import { createApollo } from '../../src/server/apollo';
import type { Store } from '../../src/store/open';
import { Repository } from '../../src/store/repository';
import { EVERY_ROW } from '../../src/graphql/resolvers/shared';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';

// 1 + editions × 1: 4 for 3 editions, 11 for the assumed 10.
const DOCUMENT = 'query($n: Int) { editions(first: $n) { name } }';
const MAX_COST = 8;

describeEachEngine('the cost of the counted root lists', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let apollo: ApolloServer<Context>;
  const sizeReads: string[] = [];

  beforeAll(async () => {
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    // Wrapped in place: the sizes are kept per engine object.
    const read = store.engine.read.bind(store.engine);
    store.engine.read = (query, params) => {
      if (query.name === 'list/root-sizes') sizeReads.push(query.name);
      return read(query, params);
    };
    apollo = createApollo({ cache: null, limits: { ...DEFAULT_LIMITS, maxCost: MAX_COST } });
    await apollo.start();
  }, 60_000);

  afterAll(async () => {
    await apollo?.stop();
    await cleanup?.();
  });

  async function run(query: string, variables: Record<string, unknown> = {}) {
    const response = await apollo.executeOperation(
      { query, variables },
      { contextValue: createContext(store) },
    );
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    return response.body.singleResult;
  }

  it('passes on a graph of three editions what the assumed ten would refuse, reading the count once', async () => {
    expect(((await run('{ editions { id } }')).data?.editions as unknown[]).length).toBe(3);
    const before = sizeReads.length;
    const answers = [await run(DOCUMENT), await run(DOCUMENT)];
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(sizeReads.length - before).toBeLessThanOrEqual(1);
    // A document without a counted list never reads the count.
    const other = sizeReads.length;
    expect((await run('{ talks(first: 2) { edges { node { id } } } }')).errors).toBeUndefined();
    expect(sizeReads.length).toBe(other);
  });

  it('refuses it once a load has made the list longer, and passes it again with a first', async () => {
    await loadFixtures(store.engine, store.queries, join(PROJECT_ROOT, 'fixtures'));
    // Counted in the store: asked over GraphQL, the list itself is now over the limit.
    const editions = (await new Repository(store.engine, store.queries).all('edition/all', EVERY_ROW)).length;
    expect(1 + editions).toBeGreaterThan(MAX_COST);
    const refused = await run(DOCUMENT);
    expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(refused.errors?.[0]?.message).toContain(
      `estimated cost ${1 + editions} is over the limit of ${MAX_COST}`,
    );
    expect((await run(DOCUMENT, { n: 3 })).errors).toBeUndefined();
  });
});
