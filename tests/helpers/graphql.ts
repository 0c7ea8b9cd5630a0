/**
 * Runs GraphQL operations in-process through the same Apollo server and
 * per-request context the HTTP layer uses, and returns data, errors and the
 * request's database stats.
 */
import type { ApolloServer } from '@apollo/server';
import type { Context } from '../../src/graphql/context';
import { createContext } from '../../src/graphql/context';
import { createApollo } from '../../src/server/apollo';
import type { Store } from '../../src/store/open';
import { loadFixtures } from '../../src/load/load';
import type { EngineCase } from './engines';

export interface Result<T = Record<string, unknown>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: T & Record<string, any>;
  errors?: { message: string; extensions?: { code?: string }; path?: (string | number)[] }[];
  /**
   * Round trips and time, the named queries the request ran, in the order they
   * started, for each of them (same order) the queries still running when it
   * started, and the queries still running when the answer came.
   */
  stats: {
    dbRoundTrips: number;
    dbMs: number;
    statements: string[];
    runningAtStart: string[][];
    runningAtEnd: string[];
  };
}

export class GraphQLClient {
  private constructor(
    private readonly apollo: ApolloServer<Context>,
    private readonly store: Store,
  ) {}

  static async start(store: Store): Promise<GraphQLClient> {
    // No response cache: tests count each request's own database work (the cache has its own tests).
    // Every document compiled at once: the contract suites check graphql-jit's answers, the
    // HTTP suites (first sight of most documents) graphql-js's, and executor.test.ts both side by side.
    const apollo = createApollo({ cache: null, compileAfter: 0 });
    await apollo.start();
    return new GraphQLClient(apollo, store);
  }

  async run(query: string, variables: Record<string, unknown> = {}): Promise<Result> {
    const statements: string[] = [];
    const runningAtStart: string[][] = [];
    const running: string[] = [];
    // The same engine, recording the name of each read this request makes.
    const engine = Object.create(this.store.engine) as Store['engine'];
    engine.read = async (named, params, options) => {
      // Not this request's work: the count the cost estimate shares between requests (list-sizes.ts).
      if (named.name === 'list/root-sizes') return this.store.engine.read(named, params, options);
      statements.push(named.name);
      runningAtStart.push([...running]);
      running.push(named.name);
      try {
        return await this.store.engine.read(named, params, options);
      } finally {
        running.splice(running.indexOf(named.name), 1);
      }
    };
    // A budget no test spends, so every statement runs as a request's does: with its engine's timeout set.
    const budget = { signal: new AbortController().signal, deadline: performance.now() + 60_000 };
    const context = createContext({ ...this.store, engine }, { debugStats: true, budget });
    const response = await this.apollo.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    const { data, errors } = response.body.singleResult;
    return {
      data: (data ?? {}) as Result['data'],
      errors: errors as Result['errors'],
      stats: { ...context.repo.stats, statements, runningAtStart, runningAtEnd: [...running] },
    };
  }

  /** Runs and fails the test on any GraphQL error. */
  async ok(query: string, variables: Record<string, unknown> = {}): Promise<Result['data']> {
    const result = await this.run(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  stop(): Promise<void> {
    return this.apollo.stop();
  }
}

/**
 * Registers beforeAll/afterAll that open a fresh store of `engine`, load
 * `fixtures` (a directory, or a function giving one once tests start) and
 * start a client; returns a client usable inside the tests, and the store for
 * tests that also read it directly.
 */
export function graphqlOn(
  engine: EngineCase,
  fixtures: string | (() => string),
): Pick<GraphQLClient, 'run' | 'ok'> & { store(): Store } {
  let client: GraphQLClient | undefined;
  let store: Store | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await engine.open();
    ({ store, cleanup } = opened);
    const dir = typeof fixtures === 'string' ? fixtures : fixtures();
    await loadFixtures(opened.store.engine, opened.store.queries, dir);
    client = await GraphQLClient.start(opened.store);
  }, 60_000);
  afterAll(async () => {
    await client?.stop();
    await cleanup?.();
  });
  return {
    run: (query, variables) => client!.run(query, variables),
    ok: (query, variables) => client!.ok(query, variables),
    store: () => store!,
  };
}
