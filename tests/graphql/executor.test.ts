/**
 * The executor (src/graphql/executor.ts): when a document is compiled, what
 * stays on graphql-js, and that both give the same answer, byte for byte as
 * Apollo sends it, for the explorer's saved queries, the bench's pages and a
 * set of refusals and partial answers. The contract suites run every other
 * query compiled (tests/helpers/graphql.ts).
 */
import { join } from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, type OperationDefinitionNode } from 'graphql';
import { compileQuery } from 'graphql-jit';
import { createContext, type Context } from '../../src/graphql/context';
import { COMPILES_PER_SECOND, Executor, MAX_COMPILED, type Operation } from '../../src/graphql/executor';
import { loadTypeDefs, resolvers } from '../../src/graphql/schema';
import { loadFixtures } from '../../src/load/load';
import { createApollo } from '../../src/server/apollo';
import { EXAMPLES } from '../../src/server/examples';
import { PROJECT_ROOT } from '../../src/paths';
import { openStore, type Store } from '../../src/store/open';
import { QUERIES } from '../../bench/scale-queries';

const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers });

let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: ':memory:', neo4j: undefined });
  await loadFixtures(store.engine, store.queries, join(PROJECT_ROOT, 'fixtures'));
}, 60_000);
afterAll(() => store.engine.close());

function operation(query: string, variables?: Record<string, unknown>): Operation {
  const document = parse(query);
  const op = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  )!;
  return {
    document,
    operation: op,
    operationName: op.name?.value ?? null,
    queryHash: query,
    variables,
    context: createContext(store),
  };
}

describe('when a document is compiled', () => {
  const QUERY = '{ editions { id name } }';

  test('after compileAfter runs on graphql-js, and then every time', async () => {
    const executor = new Executor(schema, { compileAfter: 2 });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await executor.run(operation(QUERY)));
    expect(executor.counts).toEqual({ interpreted: 2, compiled: 2 });
    expect(answers[3]).toEqual(answers[0]);
    expect((answers[0]!.data!.editions as unknown[]).length).toBeGreaterThan(3);
  });

  test('never with compileAfter Infinity (GRAPHQL_COMPILE_AFTER=off)', async () => {
    const executor = new Executor(schema, { compileAfter: Infinity });
    for (let i = 0; i < 3; i++) await executor.run(operation(QUERY));
    expect(executor.counts).toEqual({ interpreted: 3, compiled: 0 });
  });

  test('a document whose compilation fails stays on graphql-js, and is not compiled again', async () => {
    const compile = jest.fn(() => {
      throw new Error('cannot compile this');
    });
    const executor = new Executor(schema, { compileAfter: 0, compile });
    for (let i = 0; i < 3; i++) {
      const answer = await executor.run(operation(QUERY));
      expect(answer.errors).toBeUndefined();
    }
    expect(compile).toHaveBeenCalledTimes(1);
    expect(executor.counts).toEqual({ interpreted: 3, compiled: 0 });
  });

  test(`compiles at most ${COMPILES_PER_SECOND} documents a second; the others run on graphql-js until a later second`, async () => {
    let clock = 0;
    const compile = jest.fn(compileQuery);
    const executor = new Executor(schema, {
      compileAfter: 0,
      compile: compile as typeof compileQuery,
      now: () => clock,
    });
    const nth = (i: number) => `{ e${i}: editions { id } }`;
    for (let i = 0; i <= COMPILES_PER_SECOND; i++) await executor.run(operation(nth(i)));
    expect(compile).toHaveBeenCalledTimes(COMPILES_PER_SECOND);
    expect(executor.counts).toEqual({ compiled: COMPILES_PER_SECOND, interpreted: 1 });
    clock = 999;
    await executor.run(operation(nth(COMPILES_PER_SECOND)));
    expect(compile).toHaveBeenCalledTimes(COMPILES_PER_SECOND);
    clock = 1000;
    await executor.run(operation(nth(COMPILES_PER_SECOND)));
    expect(compile).toHaveBeenCalledTimes(COMPILES_PER_SECOND + 1);
    expect(executor.counts).toEqual({ compiled: COMPILES_PER_SECOND + 1, interpreted: 2 });
  });

  test(`keeps at most ${MAX_COMPILED} documents, the least recently used leaving first`, async () => {
    const compile = jest.fn(compileQuery);
    // A second passes between documents: the compile budget never binds.
    let clock = 0;
    const now = () => (clock += 1000);
    const executor = new Executor(schema, { compileAfter: 0, compile: compile as typeof compileQuery, now });
    // Distinct documents by their alias.
    const nth = (i: number) => `{ e${i}: editions { id } }`;
    for (let i = 0; i <= MAX_COMPILED; i++) await executor.run(operation(nth(i)));
    expect(compile).toHaveBeenCalledTimes(MAX_COMPILED + 1);
    await executor.run(operation(nth(MAX_COMPILED))); // still kept
    expect(compile).toHaveBeenCalledTimes(MAX_COMPILED + 1);
    await executor.run(operation(nth(0))); // gone: compiled again
    expect(compile).toHaveBeenCalledTimes(MAX_COMPILED + 2);
  });

  test('bounds the compiled documents by their size, the least recently used leaving first', async () => {
    const compile = jest.fn(compileQuery);
    let clock = 0;
    const executor = new Executor(schema, {
      compileAfter: 0,
      compile: compile as typeof compileQuery,
      now: () => (clock += 1000),
      maxCompiledBytes: 100_000,
    });
    const small = '{ editions { id } }';
    const long = `{ search(query: "${'x'.repeat(60_000)}") { label } }`;
    await executor.run(operation(small));
    await executor.run(operation(long));
    await executor.run(operation(small)); // both fit: still compiled
    expect(compile).toHaveBeenCalledTimes(2);
    // A third is over 100 kB: the long one, least recently used, goes; the small one stays.
    await executor.run(operation('{ talks(first: 1) { totalCount } }'));
    await executor.run(operation(small));
    expect(compile).toHaveBeenCalledTimes(3);
    await executor.run(operation(long));
    expect(compile).toHaveBeenCalledTimes(4);
  });

  test('invalid variables are answered by graphql-js, whose error texts Apollo reads', async () => {
    const executor = new Executor(schema, { compileAfter: 0 });
    const query = 'query ($id: ID!) { edition(id: $id) { name } }';
    await executor.run(operation(query, { id: 'edition:kubecon-eu-2019' }));
    expect(executor.counts).toEqual({ interpreted: 0, compiled: 1 });
    const answer = await executor.run(operation(query, { id: { not: 'an id' } }));
    expect(executor.counts).toEqual({ interpreted: 1, compiled: 1 });
    expect(answer.errors?.[0]?.message).toMatch(/^Variable "\$id" got invalid value/);
  });
});

/** What Apollo sends, from a server that compiles at once and from Apollo's own execution (`compileAfter: Infinity`). */
describe('graphql-js and graphql-jit give the same answer', () => {
  let interpreted: ApolloServer<Context>;
  let compiled: ApolloServer<Context>;
  beforeAll(async () => {
    interpreted = createApollo({ cache: null, compileAfter: Infinity });
    compiled = createApollo({ cache: null, compileAfter: 0 });
    await Promise.all([interpreted.start(), compiled.start()]);
  });
  afterAll(() => Promise.all([interpreted.stop(), compiled.stop()]));

  const answer = async (
    apollo: ApolloServer<Context>,
    query: string,
    variables: Record<string, unknown>,
    operationName?: string,
  ) => {
    const response = await apollo.executeOperation(
      { query, variables, operationName },
      { contextValue: createContext(store) },
    );
    if (response.body.kind !== 'single') throw new Error('incremental answer');
    return { status: response.http.status, text: JSON.stringify(response.body.singleResult) };
  };

  const CASES: [name: string, query: string, variables?: Record<string, unknown>, operationName?: string][] =
    [
      ...EXAMPLES.map(
        (e) => [`example ${e.id}`, e.query, e.variables] as [string, string, Record<string, unknown>],
      ),
      ...QUERIES.map((q) => [`bench ${q.name}`, q.query] as [string, string]),
      ['a refused argument', '{ talks(first: 101) { totalCount } }'],
      ['a forged cursor', '{ talks(first: 2, after: "djI6OjU.AAAA") { edges { cursor } } }'],
      ['an unknown id, null at a nullable field', '{ edition(id: "edition:nope") { name } }'],
      ['a refusal deep in a list', '{ editions { name talks(first: -1) { totalCount } } }'],
      [
        'a refused field beside data',
        '{ a: edition(id: "edition:kubecon-eu-2019") { name } b: path(from: "company:spotify", to: "project:envoy", maxHops: 9) { length } c: edition(id: "nope nope") { name } }',
      ],
      [
        'fragments, aliases, __typename and directives',
        `query Q($with: Boolean!) { a: talks(first: 3) { ...T } b: talks(first: 2, orderBy: NEWEST) { edges { node { __typename title @skip(if: $with) } } } }
       fragment T on TalkConnection { totalCount pageInfo { hasNextPage endCursor } edges { node { id ... on Talk { speakers @include(if: $with) { name } } } } }`,
        { with: true },
      ],
      [
        'variables of every kind',
        'query ($q: String!, $n: Int) { search(query: $q, first: $n) { label type } }',
        { q: 'envoy', n: 3 },
      ],
      ['an abstract type', '{ node(id: "company:spotify") { __typename id ... on Company { name } } }'],
      ['introspection', '{ __schema { queryType { name } } __type(name: "Talk") { fields { name } } }'],
      [
        'one operation of two, by name',
        'query A { editions { id } } query B { talks(first: 1) { totalCount } }',
        {},
        'B',
      ],
      ['an operation name the document does not hold', 'query A { editions { id } }', {}, 'B'],
    ];

  test.each(CASES)('%s', async (_name, query, variables = {}, operationName = undefined) => {
    const fromJs = await answer(interpreted, query, variables, operationName);
    const fromJit = await answer(compiled, query, variables, operationName);
    expect(fromJit).toEqual(fromJs);
  });

  test('the cases cover answers with data, with errors, and with both', async () => {
    const texts = await Promise.all(CASES.map(([, q, v, name]) => answer(interpreted, q, v ?? {}, name)));
    const kinds = new Set(
      texts.map(({ text }) => {
        const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
        return `${body.data ? 'data' : ''}${body.errors ? '+errors' : ''}`;
      }),
    );
    expect([...kinds].sort()).toEqual(['+errors', 'data', 'data+errors']);
  });
});
