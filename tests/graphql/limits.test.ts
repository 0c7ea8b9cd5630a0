/**
 * Query limits measured without a database: every saved example, every
 * README query and dashboard-sized documents fit well under the defaults;
 * the attacks from issue 8 (deep nesting, alias floods, directive floods,
 * fragment bombs) are over them. The README "Query limits" table lists the
 * costs printed by the first test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema,
  executeSync,
  getIntrospectionQuery,
  getOperationAST,
  parse,
  validate,
} from 'graphql';
import { DEFAULT_LIMITS } from '../../src/config';
import { loadTypeDefs } from '../../src/graphql/schema';
import { measure, violation } from '../../src/graphql/limits';
import { EXAMPLES } from '../../src/server/examples';
import { PROJECT_ROOT } from '../../src/paths';

const schema = buildASTSchema(parse(loadTypeDefs()));

function measured(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  return measure(schema, document, getOperationAST(document)!, variables);
}

/** Well under: a legitimate document may use at most half of each limit. */
function expectComfortable(query: string, variables: Record<string, unknown> = {}) {
  const m = measured(query, variables);
  expect(violation(m, DEFAULT_LIMITS)).toBeNull();
  expect(m.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth - 2);
  expect(m.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost / 2);
  return m;
}

/** The attack: talks → speakers → talks … `levels` pairs deep. */
const nest = (levels: number): string => {
  let inner = 'title';
  for (let i = 0; i < levels; i++) inner = `speakers { talks { ${inner} } }`;
  return `{ talks(first: 100) { edges { node { ${inner} } } } }`;
};

describe('query limits', () => {
  test.each(EXAMPLES.map((e) => [e.id, e] as const))('saved example %s fits comfortably', (_, example) => {
    const m = expectComfortable(example.query, example.variables);
    // The README's "Query limits" table quotes these numbers.
    console.info(`example ${example.id}: depth ${m.depth}, cost ${m.cost}`);
  });

  test('every GraphQL query in the README fits comfortably', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    // And the queries inside the curl, Python and JavaScript examples.
    const inCode = [
      ...[...readme.matchAll(/"query":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]!}"`) as string),
      ...[...readme.matchAll(/'query=(\{[^']*\})'/g)].map((m) => m[1]!),
      ...[...readme.matchAll(/q = """([\s\S]*?)"""/g)].map((m) => m[1]!),
      ...[...readme.matchAll(/query: '((?:query|\{)[^']*)'/g)].map((m) => m[1]!),
    ];
    expect(inCode.length).toBeGreaterThanOrEqual(4);
    for (const block of [...blocks, ...inCode]) expectComfortable(block);
  });

  test('dashboard-sized documents fit comfortably', () => {
    const hundredTalks = expectComfortable(`{ talks(first: 100) { totalCount edges { cursor node {
      id title kind day edition { name year }
      speakers { id name } companies { id name } projects { id name maturity } } } pageInfo { endCursor hasNextPage } } }`);
    console.info(
      `100 talks with speakers, companies, projects: depth ${hundredTalks.depth}, cost ${hundredTalks.cost}`,
    );
    const links = expectComfortable(
      `query($n: Int) { companyProjectLinks(first: $n) {
      company { id name } project { id name } weight talks { id title } announcements { id kind } backing } }`,
      { n: 200 },
    );
    console.info(`companyProjectLinks(first: 200): depth ${links.depth}, cost ${links.cost}`);
    expectComfortable(
      `{ editions { name talks(first: 20) { edges { node { title speakers { name } } } } } }`,
    );
  });

  test('a `first` sent as a variable counts with its value, and defaults count when absent', () => {
    const q = 'query($n: Int) { talks(first: $n) { edges { node { title } } } }';
    expect(measured(q, { n: 100 }).cost).toBeGreaterThan(measured(q, { n: 10 }).cost * 5);
    expect(measured('{ talks { edges { node { title } } } }').cost).toBe(measured(q, { n: 20 }).cost);
    // The operation's own default for a variable left out, as execution uses it.
    const withDefault = 'query($n: Int = 100) { talks(first: $n) { edges { node { title } } } }';
    expect(measured(withDefault).cost).toBe(measured(q, { n: 100 }).cost);
    expect(measured(withDefault, { n: 10 }).cost).toBe(measured(q, { n: 10 }).cost);
  });

  test('editions and articles count as long as the graph says, cut by their `first`', () => {
    const q =
      'query($n: Int) { editions(first: $n) { name talks(first: 5) { edges { node { title } } } } articles { title } }';
    const document = parse(q);
    expect(validate(schema, document)).toEqual([]);
    const at = (sizes?: Map<string, number>, n?: number) =>
      measure(schema, document, getOperationAST(document)!, n === undefined ? {} : { n }, sizes);
    const editions = (count: number) => at(new Map([['Query.editions', count]]));
    const perEdition = editions(1).cost - editions(0).cost;
    expect(perEdition).toBeGreaterThan(5);
    const assumed = at();
    expect(assumed.counted).toBe(true);
    expect(assumed.cost).toBe(editions(10).cost);
    const sized = at(
      new Map([
        ['Query.editions', 8000],
        ['Query.articles', 3],
      ]),
    );
    // An article costs its title: 1.
    expect(sized.cost - assumed.cost).toBe((8000 - 10) * perEdition + (3 - 10) * 1);
    // A `first` cuts the count, and cannot raise it.
    const cut = (n: number) => at(new Map([['Query.editions', 8000]]), n).cost;
    expect(cut(2)).toBe(cut(0) + 2 * perEdition);
    expect(cut(1_000_000)).toBe(cut(8000));
    expect(measured('{ talks(first: 5) { edges { node { title } } } }').counted).toBe(false);
  });

  test('the nesting attack from issue 8 is over the depth limit', () => {
    const error = violation(measured(nest(8)), DEFAULT_LIMITS);
    expect(error?.code).toBe('QUERY_TOO_DEEP');
  });

  test('wide lists under the depth limit are over the cost limit', () => {
    const q = `{ talks(first: 100) { edges { node { speakers { talks { speakers { talks { title } } } } } } } }`;
    const m = measured(q);
    expect(m.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth);
    expect(violation(m, DEFAULT_LIMITS)?.code).toBe('QUERY_TOO_COSTLY');
    console.info(`talks → speakers → talks → speakers → talks: depth ${m.depth}, cost ${m.cost}`);
  });

  test('alias floods are over the alias limit, before their cost', () => {
    const paths = Array.from(
      { length: 16 },
      (_, i) => `p${i}: path(from: "company:a", to: "project:b") { length }`,
    );
    expect(violation(measured(`{ ${paths.join(' ')} }`), DEFAULT_LIMITS)?.code).toBe('TOO_MANY_ALIASES');
  });

  test('directive floods are over the directive limit', () => {
    const skips = Array.from({ length: 51 }, () => '... @skip(if: false) { name }').join(' ');
    expect(violation(measured(`{ editions { ${skips} } }`), DEFAULT_LIMITS)?.code).toBe(
      'TOO_MANY_DIRECTIVES',
    );
  });

  test('fragments spread many times are measured once each yet counted in full', () => {
    // Each fragment spreads the previous one twice: 2^12 expansions of the aliased field.
    const defs = ['fragment F0 on Edition { a: name }'];
    for (let i = 1; i <= 12; i++) defs.push(`fragment F${i} on Edition { ...F${i - 1} ...F${i - 1} }`);
    const started = performance.now();
    const m = measured(`{ editions { ...F12 } } ${defs.join(' ')}`);
    expect(performance.now() - started).toBeLessThan(100);
    expect(m.aliases).toBe(2 ** 12);
    expect(violation(m, DEFAULT_LIMITS)?.code).toBe('TOO_MANY_ALIASES');
  });

  test('a fragment costs what its lists are sized to where it is spread, whichever spread comes first', () => {
    // Under path's subgraph the lists take the assumed size; under neighborhood(first: 200), 200.
    // Measured once by name, the cheaper spread, coming first, stood for the dearer one.
    const fragment =
      'fragment G on Subgraph { nodes { ... on Project { talks { speakers { talks { title } } } } } }';
    const path = 'path(from: "company:spotify", to: "project:envoy") { subgraph { ...G } }';
    const around = 'neighborhood(id: "project:kubernetes", depth: 2, first: 200) { ...G }';
    const alone = measured(`{ ${around} } ${fragment}`);
    const pathFirst = measured(`{ ${path} ${around} } ${fragment}`);
    const pathLast = measured(`{ ${around} ${path} } ${fragment}`);
    expect(pathFirst.cost).toBe(pathLast.cost);
    expect(pathFirst.cost).toBeGreaterThan(alone.cost);
    expect(violation(alone, DEFAULT_LIMITS)?.code).toBe('QUERY_TOO_COSTLY');
    expect(violation(pathFirst, DEFAULT_LIMITS)?.code).toBe('QUERY_TOO_COSTLY');
  });

  test('repeating one field in one selection set, fragments included, is over the repeat limit', () => {
    const repeated = `{ editions { ${'figures { id } '.repeat(6)} } }`;
    expect(violation(measured(repeated), DEFAULT_LIMITS)?.code).toBe('TOO_MANY_REPEATS');
    const viaFragments = `{ editions { ...A ...B ...C } }
      fragment A on Edition { talks { totalCount } id } fragment B on Edition { talks { totalCount } id }
      fragment C on Edition { ... on Edition { talks { totalCount } talks { totalCount } talks { totalCount } id } }`;
    expect(measured(viaFragments).repeats).toBe(5);
    expect(violation(measured(viaFragments), DEFAULT_LIMITS)).toBeNull();
    expect(
      measured(
        viaFragments.replace('fragment A on Edition {', 'fragment A on Edition { talks { totalCount }'),
      ).repeats,
    ).toBe(6);
    // __typename, added by clients to every selection set, does not count.
    expect(measured(`{ editions { ${'__typename '.repeat(20)} id } }`).repeats).toBe(1);
  });

  test('introspection is costed exactly: the explorer query fits, and its answer holds what it counts', () => {
    const full = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const m = measured(full);
    console.info(`full introspection: cost ${m.cost}`);
    expect(violation(m, DEFAULT_LIMITS)).toBeNull();
    // Counted value by value: the answer holds as many values as the count (every
    // key of every object, the root field included; includeDeprecated asks for all).
    const answer = executeSync({ schema, document: parse(full) }).data!;
    const values = (v: unknown): number =>
      Array.isArray(v)
        ? v.reduce((n: number, x) => n + values(x), 0)
        : v !== null && typeof v === 'object'
          ? Object.values(v).reduce((n: number, x) => n + 1 + values(x), 0)
          : 0;
    expect(m.cost).toBe(values(answer));
  });

  test('introspection multiplied by aliases and fragments is refused', () => {
    // The shape of 900 tokens that once answered 132 MB after holding the event loop for 27 s.
    const attack = (top: number, mid: number, inner: number) => {
      const f = Array.from({ length: inner }, (_, i) => `y${i}: fields { name }`).join(' ');
      const g = Array.from({ length: mid }, (_, i) => `x${i}: types { ...F }`).join(' ');
      const q = Array.from({ length: top }, (_, i) => `a${i}: __schema { ...G }`).join(' ');
      return `{ ${q} } fragment G on __Schema { ${g} } fragment F on __Type { ${f} }`;
    };
    const m = measured(attack(3, 4, 4));
    expect(m.aliases).toBe(3 + 3 * 4 + 3 * 4 * 4);
    expect(violation(m, DEFAULT_LIMITS)?.code).toBe('TOO_MANY_ALIASES');
    // With aliases allowed, the cost still refuses it, long before 132 MB.
    const lax = { ...DEFAULT_LIMITS, maxAliases: 100_000 };
    const big = measured(attack(15, 40, 40));
    expect(violation(big, lax)?.code).toBe('QUERY_TOO_COSTLY');
    expect(big.cost).toBeGreaterThan(1_000_000);
    // Repeats under introspection count like any other.
    const repeated = `{ __schema { ${'types { name } '.repeat(20)} } }`;
    expect(violation(measured(repeated), DEFAULT_LIMITS)?.code).toBe('TOO_MANY_REPEATS');
  });
});
