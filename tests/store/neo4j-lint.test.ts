/**
 * Every query the Neo4j adapter would run (common files plus neo4j/
 * overrides), checked offline by Neo4j's own linter in the Cypher 5 dialect of
 * Neo4j 5.26 LTS. No Neo4j server is needed; any error or warning fails.
 */
import { narrowed, projected, pruned, statements, unioned, type NamedQuery } from '../../src/store/queries';
import type { Params } from '../../src/store/engine';
import { queriesFor } from '../../src/store/open';
import { REQUIRED_QUERIES, TALK_LIST_QUERIES } from '../../src/store/query-names';
import { TALK_PROPERTIES } from '../../src/graphql/resolvers/talk';
import { EDITION_PROPERTIES } from '../../src/graphql/resolvers/edition';

type Diagnostic = { severity?: number; message: string; offsets?: { start: number } };

// The package declares only ESM types, but ships a CommonJS build that the
// test (compiled to CommonJS) loads; its two functions are typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isNotParamError, lintCypherQuery } = require('@neo4j-cypher/language-support') as {
  lintCypherQuery(query: string, schema: object): { diagnostics: Diagnostic[] };
  isNotParamError(diagnostic: Diagnostic): boolean;
};

function lint(statement: string): string[] {
  const { diagnostics } = lintCypherQuery(`CYPHER 5 ${statement}`, {});
  // Without a live schema every $parameter is "not defined": that noise is filtered out.
  return diagnostics.filter((d) => isNotParamError(d)).map((d) => `${d.message} (at ${d.offsets?.start})`);
}

/** Parameters that turn every guard of `q` on: one set per value its value guards name. */
function everyGuardOn(q: NamedQuery): Params[] {
  const set: Params = Object.fromEntries(q.params.map((p) => [p, 'x']));
  const values = (q.guards ?? []).flatMap((g) => (g.when === undefined ? [] : [[g.param, g.when] as const]));
  if ((q.guards ?? []).length === 0) return [];
  if (values.length === 0) return [set];
  return values.map(([param, value]) => ({ ...set, [param]: value }));
}

describe('Neo4j lint (CYPHER 5)', () => {
  const registry = queriesFor('neo4j');
  const queries = registry.all();

  it('covers every query the service needs', () => {
    expect(queries.length).toBeGreaterThanOrEqual(REQUIRED_QUERIES.length);
  });

  it('catches a broken query (the linter is really running)', () => {
    expect(lint('MATCH (n:Person) RETURN m')).not.toEqual([]);
    expect(lint('MATCH (n:Person) RETURN n {.id}')).toEqual([]);
  });

  it.each(queries.map((q) => [q.file, q] as const))('%s lints clean', (_file, query) => {
    const problems = statements(query).flatMap((s) => lint(s));
    expect(problems).toEqual([]);
  });

  // Copies the repository derives at run time: talk pages read as a few properties,
  // paths narrowed, and every query with its guard lines all off, then all on (once
  // per value a value guard names): each line is one whole condition or ordering
  // term, so any mix of them lints as these do.
  const properties = [...new Set(Object.values(TALK_PROPERTIES).flat())].sort();
  const derived = [
    ...TALK_LIST_QUERIES.filter((name) => !name.endsWith('-count')).map((name) =>
      projected(registry.get(name), 't', properties),
    ),
    ...TALK_LIST_QUERIES.filter((name) => !name.endsWith('-count') && !name.includes('unfiltered')).map(
      (name) =>
        projected(projected(registry.get(name), 't', properties), 'edition', ['id', 'name'], 'edition'),
    ),
    projected(registry.get('edition/talks'), 't', properties),
    projected(registry.get('edition/with-talks'), 't', properties),
    // An edition asked by id with its talks, read as its selection's properties (Loaders.editionTalksAlong).
    projected(
      projected(registry.get('edition/with-talks'), 't', properties),
      'e',
      [...new Set(Object.values(EDITION_PROPERTIES).flatMap((read) => read ?? []))].sort(),
      'edition',
    ),
    projected(registry.get('list/speakers'), 'p', ['id', 'name', 'aliases']),
    projected(registry.get('list/companies'), 'c', ['id', 'name', 'homepage']),
    projected(registry.get('list/projects'), 'p', ['id', 'name', 'cncf']),
    // The name lists read whole for their index, and a page it found read by id (src/store/name-index.ts).
    projected(registry.get('list/speakers'), 'p', ['id', 'name', 'searchText']),
    unioned(projected(narrowed(registry.get('node/one'), { n: 'Project' }), 'n', ['id', 'name']), 'id', 3),
    unioned(narrowed(registry.get('node/one'), { n: 'Person' }), 'id', 2),
    ...[
      'analyst/path',
      'analyst/path-length',
      'analyst/path-hops-1',
      'analyst/path-hops-2',
      'analyst/path-hops-3',
    ].map((name) => narrowed(registry.get(name), { a: 'Company', b: 'Project' })),
    ...queries
      .filter((q) => (q.guards ?? []).length > 0)
      .map((q) => pruned(q, Object.fromEntries(q.params.map((p) => [p, null]))).query),
    ...queries.flatMap((q) => everyGuardOn(q).map((params) => pruned(q, params).query)),
  ];
  it.each(derived.map((q) => [q.name, q] as const))('%s lints clean', (_name, query) => {
    expect(statements(query).flatMap((s) => lint(s))).toEqual([]);
  });
});
