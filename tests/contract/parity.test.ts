/**
 * Engine parity over the real fixtures: the same GraphQL documents, run on
 * Kuzu and on Neo4j loaded from `fixtures/`, must give byte-identical JSON
 * (data and errors alike). The documents cover every saved explorer example,
 * every root field, every relationship field of every type, every filter and
 * ordering, paging through cursors to the end, search with typos, accents and
 * aliases, and paths with and without a result.
 *
 * A difference is a bug in an adapter or a query, never something to accept
 * here: the test prints the first differing document and both answers.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { EXAMPLES } from '../../src/server/examples';
import { KUZU, NEO4J, NEO4J_ENABLED, skipNeo4j } from '../helpers/engines';
import { graphqlOn, type Result } from '../helpers/graphql';

const FIXTURES = join(PROJECT_ROOT, 'fixtures');

interface Doc {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const SOURCES = 'sources { locator article { id title } }';
const REF = '{ id }';
const NAMED = '{ id name }';

const FRAGMENTS = `
fragment EditionFull on Edition {
  id name aliases year region format city country startDate endDate attendees reference
  talks(first: 100) { totalCount pageInfo { hasNextPage } edges { node ${REF} } }
  speakers ${NAMED} companies ${NAMED} projects ${NAMED}
  articles { id title } announcements { id kind } figures { id label value unit } ${SOURCES}
  sponsors ${NAMED} stageProjects: projects(scope: STAGE) ${REF} coverageProjects: projects(scope: COVERAGE) ${REF}
  stageCompanies: companies(scope: STAGE) ${REF} coverageCompanies: companies(scope: COVERAGE) ${REF}
}
fragment TalkFull on Talk {
  id title originalTitle kind day colocatedEvent summary
  edition ${REF} speakers ${NAMED}
  participants { person ${REF} role company ${REF} jobTitle ${SOURCES} }
  companies ${NAMED} projects ${NAMED} mentionedCompanies ${NAMED} ${SOURCES}
}
fragment PersonFull on Person {
  id name aliases talks { id title } companies ${NAMED} projects ${NAMED}
  affiliations { company ${REF} jobTitle edition ${REF} ${SOURCES} }
}
fragment BackingFull on Backing { company ${REF} project ${REF} kind reference ${SOURCES} }
fragment CompanyFull on Company {
  id name aliases homepage people ${NAMED} talks { id title } projects ${NAMED} editions ${REF}
  backs { ...BackingFull }
  sponsorships { company ${REF} edition ${REF} tier booth reference ${SOURCES} }
}
fragment ProjectFull on Project {
  id name aliases cncf maturity homepage description
  talks { id title } companies ${NAMED} editions ${REF} announcements { id kind }
  backers { ...BackingFull }
  stageEditions: editions(scope: STAGE) ${REF} coverageEditions: editions(scope: COVERAGE) ${REF}
}
fragment ArticleFull on Article {
  id title language publisher ${NAMED} authors edition ${REF} url publishedOn covers series seed
  mentions { node ${REF} ${SOURCES} }
}
fragment AnnouncementFull on Announcement {
  id kind description edition ${REF} projects ${NAMED} companies ${NAMED} maturity version ${SOURCES}
}
fragment FigureFull on Figure { id label value unit edition ${REF} ${SOURCES} }
fragment AnyNode on Node {
  id
  ... on Edition { ...EditionFull }
  ... on Talk { ...TalkFull }
  ... on Person { ...PersonFull }
  ... on Company { ...CompanyFull }
  ... on Project { ...ProjectFull }
  ... on Article { ...ArticleFull }
  ... on Announcement { ...AnnouncementFull }
  ... on Figure { ...FigureFull }
}
`;

/** A document that uses some of FRAGMENTS: GraphQL refuses unused fragments, so keep only those reachable. */
function withFragments(body: string): string {
  const defs = FRAGMENTS.split(/\n(?=fragment )/)
    .map((d) => d.trim())
    .filter(Boolean);
  const byName = new Map(defs.map((d) => [/^fragment (\w+)/.exec(d)![1]!, d]));
  const used = new Set<string>();
  const visit = (text: string): void => {
    for (const [, name] of text.matchAll(/\.\.\.(\w+)/g)) {
      if (name && byName.has(name) && !used.has(name)) {
        used.add(name);
        visit(byName.get(name)!);
      }
    }
  };
  visit(body);
  return [body, ...[...used].map((n) => byName.get(n)!)].join('\n');
}

const doc = (name: string, body: string, variables?: Record<string, unknown>): Doc => ({
  name,
  query: withFragments(body),
  ...(variables ? { variables } : {}),
});

const connection = (field: string, args: string, fragment: string): string =>
  `{ ${field}${args} { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...${fragment} } } } }`;

const DOCUMENTS: Doc[] = [
  // Every saved explorer example, as the explorer sends it.
  ...EXAMPLES.map((e) => ({ name: `example ${e.id}`, query: e.query, variables: e.variables })),

  // Root fields, with every field of every type reachable from them.
  doc('editions, every field', '{ editions { ...EditionFull } }'),
  doc('edition by id', '{ edition(id: "edition:kubecon-eu-2019") { ...EditionFull } }'),
  doc('edition absent', '{ edition(id: "edition:nowhere") { id } }'),
  doc(
    'edition talks paged',
    '{ edition(id: "edition:kubecon-eu-2019") { talks(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }',
  ),
  doc('articles, every field', '{ articles { ...ArticleFull } }'),
  doc('talks, every field', connection('talks', '(first: 100)', 'TalkFull')),
  doc('speakers, every field', connection('speakers', '(first: 100)', 'PersonFull')),
  doc('companies, every field', connection('companies', '(first: 100)', 'CompanyFull')),
  doc('projects, every field', connection('projects', '(first: 100)', 'ProjectFull')),
  ...[
    'edition:kubecon-eu-2024',
    'talk:spotify-ingress-migration-to-envoy',
    'person:chris-aniszczyk',
    'company:spotify',
    'project:envoy',
    'article:alterway-kubecon-na-2019-recap',
    'announcement:helm-3-release',
    'figure:kubecon-na-2019-attendees',
  ].map((id) => doc(`node ${id}`, 'query($id: ID!) { node(id: $id) { ...AnyNode } }', { id })),
  doc('node absent', '{ node(id: "talk:does-not-exist") { id } }'),
  doc('node of an unknown kind', '{ node(id: "planet:mars") { id } }'),

  // Every filter and ordering of the root lists.
  doc(
    'talks by edition',
    '{ talks(filter: { editionId: "edition:kubecon-eu-2019" }, first: 100) { totalCount edges { node { id title } } } }',
  ),
  doc(
    'talks by kind',
    '{ talks(filter: { kind: KEYNOTE }, first: 100) { totalCount edges { node { id kind } } } }',
  ),
  doc(
    'talks by speaker',
    '{ talks(filter: { speakerId: "person:matt-klein" }) { totalCount edges { node { id } } } }',
  ),
  doc(
    'talks by company',
    '{ talks(filter: { companyId: "company:google" }, first: 100) { totalCount edges { node { id } } } }',
  ),
  doc(
    'talks by project',
    '{ talks(filter: { projectId: "project:kubernetes" }, first: 100) { totalCount edges { node { id } } } }',
  ),
  doc(
    'talks by title, accents and case ignored',
    '{ talks(filter: { titleContains: "SÉCURITÉ" }, first: 100) { totalCount edges { node { id title } } } }',
  ),
  doc(
    'talks, several filters',
    '{ talks(filter: { editionId: "edition:kubecon-eu-2019", projectId: "project:kubernetes" }) { totalCount edges { node { id } } } }',
  ),
  ...['NEWEST', 'OLDEST', 'TITLE'].map((order) =>
    doc(
      `talks ordered ${order}`,
      `{ talks(orderBy: ${order}, first: 100) { edges { cursor node { id } } } }`,
    ),
  ),
  ...['NEWEST', 'OLDEST', 'TITLE'].map((order) =>
    doc(
      `talks ordered ${order}, counted, with editions`,
      `{ talks(orderBy: ${order}, first: 100) { totalCount edges { node { id edition { id } } } } }`,
    ),
  ),
  doc(
    'speakers by name',
    '{ speakers(filter: { nameContains: "nova" }) { totalCount edges { node { id name } } } }',
  ),
  doc(
    'speakers by company',
    '{ speakers(filter: { companyId: "company:google" }) { totalCount edges { node { id } } } }',
  ),
  doc(
    'speakers by edition',
    '{ speakers(filter: { editionId: "edition:kubecon-eu-2020" }, first: 100) { totalCount edges { node { id } } } }',
  ),
  doc('speakers by talks', '{ speakers(orderBy: TALKS, first: 100) { edges { cursor node { id } } } }'),
  doc(
    'companies by name',
    '{ companies(filter: { nameContains: "soft" }) { totalCount edges { node { id name } } } }',
  ),
  doc(
    'companies by edition',
    '{ companies(filter: { editionId: "edition:kubecon-eu-2019" }, first: 100) { totalCount edges { node { id } } } }',
  ),
  doc('companies by talks', '{ companies(orderBy: TALKS, first: 100) { edges { cursor node { id } } } }'),
  doc(
    'projects by name',
    '{ projects(filter: { nameContains: "kube" }) { totalCount edges { node { id name } } } }',
  ),
  doc(
    'projects by maturity',
    '{ projects(filter: { maturity: GRADUATED }, first: 100) { totalCount edges { node { id } } } }',
  ),
  doc(
    'projects outside the CNCF',
    '{ projects(filter: { cncf: false }, first: 100) { totalCount edges { node { id } } } }',
  ),
  doc(
    'projects by edition',
    '{ projects(filter: { editionId: "edition:kubecon-eu-2024" }, first: 100) { totalCount edges { node { id } } } }',
  ),
  doc('projects by talks', '{ projects(orderBy: TALKS, first: 100) { edges { cursor node { id } } } }'),

  // Search: typos, accents, aliases, prefixes, phrases, type filters.
  ...[
    'kuberntes',
    'Nóva',
    'nova',
    'OPA',
    'kubecon paris',
    'Anisczcyk',
    'envo',
    'service mesh',
    'spotify envoy',
    'zzzzzz',
  ].map((q) =>
    doc(
      `search "${q}"`,
      'query($q: String!) { search(query: $q, first: 20) { type label score node { id } } }',
      { q },
    ),
  ),
  doc('search people only', '{ search(query: "klein", types: [PERSON]) { type label score node { id } } }'),
  doc(
    'search announcements only, among many hits of other types',
    '{ search(query: "kubernetes cloud native", types: [ANNOUNCEMENT], first: 10) { type label score node { id } } }',
  ),

  // Paths: found, none within the hops, same node, unknown endpoint.
  doc(
    'path Spotify to Envoy',
    `{ path(from: "company:spotify", to: "project:envoy") { length steps { from { id } relation forward to { id } ${SOURCES} reference } } }`,
  ),
  doc(
    'path person to project, 6 hops',
    `{ path(from: "person:chris-aniszczyk", to: "project:falco", maxHops: 6) { length steps { from { id } relation forward to { id } ${SOURCES} } } }`,
  ),
  doc(
    'path among 74 shortest, 4 through no article',
    '{ path(from: "project:linkerd", to: "edition:kubecon-na-2019") { length steps { from { id } relation forward to { id } } } }',
  ),
  doc('path too short', '{ path(from: "company:spotify", to: "project:falco", maxHops: 1) { length } }'),
  doc('path to itself', '{ path(from: "project:envoy", to: "project:envoy") { length steps { relation } } }'),
  doc('path from nowhere', '{ path(from: "project:nowhere", to: "project:envoy") { length } }'),

  // Analyst queries.
  doc(
    'links matrix',
    '{ companyProjectLinks(first: 200) { company { id } project { id } weight talks { id } announcements { id } backing } }',
  ),
  doc(
    'links of a project',
    '{ companyProjectLinks(projectId: "project:falco") { company { id } weight talks { id } backing } }',
  ),
  doc(
    'links of a company at an edition',
    '{ companyProjectLinks(companyId: "company:google", editionId: "edition:kubecon-eu-2019") { project { id } weight talks { id } announcements { id } backing } }',
  ),
  doc(
    'timeline of Kubernetes',
    '{ projectTimeline(projectId: "project:kubernetes") { edition { id } talks { id } announcements { id } maturity maturityChanged } }',
  ),
  doc(
    'timeline of an unknown project',
    '{ projectTimeline(projectId: "project:nowhere") { edition { id } } }',
  ),
  doc('edition stats', '{ editionStats { edition { id } talks speakers companies projects announcements } }'),

  // Graph view: labels, neighbourhoods (ranked and cut), path subgraphs, ranked link pages.
  doc(
    'labels of every kind',
    `{ ${[
      'edition:kubecon-eu-2019',
      'talk:spotify-ingress-migration-to-envoy',
      'person:kris-nova',
      'company:spotify',
      'project:envoy',
      'article:alterway-kubecon-na-2019-recap',
      'figure:kubecon-na-2019-attendees',
    ]
      .map((id, i) => `n${i}: node(id: "${id}") { id type label }`)
      .join(' ')} }`,
  ),
  ...[
    ['company:google', 1, null, 200],
    ['project:kubernetes', 1, null, 10],
    ['company:spotify', 2, null, 30],
    ['project:envoy', 2, ['TALK', 'COMPANY', 'PERSON'], 200],
    ['edition:kubecon-eu-2019', 1, [], 50],
  ].map(([id, depth, types, first]) =>
    doc(
      `neighborhood of ${id}, depth ${depth}, first ${first}`,
      `query($id: ID!, $depth: Int, $types: [EntityType!], $first: Int) { neighborhood(id: $id, depth: $depth, types: $types, first: $first) {
        truncated nodes { id type label } edges { from to relation weight reference ${SOURCES} } } }`,
      { id, depth, types, first },
    ),
  ),
  doc('neighborhood too deep', '{ neighborhood(id: "company:spotify", depth: 3) { truncated } }'),
  doc(
    'path Spotify to Envoy as a subgraph',
    `{ path(from: "company:spotify", to: "project:envoy") { subgraph { nodes { id type label } edges { from to relation weight reference ${SOURCES} } } } }`,
  ),
  ...[null, 'edition:kubecon-eu-2019', 'edition:kubecon-na-2019'].map((e) =>
    doc(
      `links connection, edition ${e}`,
      `query($e: ID) { companyProjectLinksConnection(editionId: $e, first: 200) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { company { id } project { id } weight talks { id } announcements { id } backing } } } }`,
      { e },
    ),
  ),

  // Argument errors are part of the contract too.
  doc('first above the cap', '{ talks(first: 101) { totalCount } }'),
  doc('forged cursor', '{ talks(after: "not-a-cursor") { totalCount } }'),
];

/** Follows `pageInfo.endCursor` until the last page; returns every page's answer. */
async function pageThrough(
  run: (q: string, v: Record<string, unknown>) => Promise<Result>,
  field: string,
  orderBy: string,
): Promise<unknown[]> {
  const query = `query($after: String) { ${field}(orderBy: ${orderBy}, first: 7, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`;
  const pages: unknown[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const result = await run(query, { after });
    pages.push({ data: result.data, errors: result.errors ?? null });
    const page = (result.data as Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string } }>)[
      field
    ];
    if (!page?.pageInfo.hasNextPage) return pages;
    after = page.pageInfo.endCursor;
  }
  throw new Error(`${field} never reached its last page`);
}

const PAGINGS: [string, string][] = [
  ['talks', 'NEWEST'],
  ['talks', 'TITLE'],
  ['speakers', 'NAME'],
  ['speakers', 'TALKS'],
  ['companies', 'TALKS'],
  ['projects', 'NAME'],
];

const answer = (r: Result): string => JSON.stringify({ data: r.data, errors: r.errors ?? null });

/** The first place two JSON values differ, as `path: kuzu … neo4j …`; null when equal. */
function firstDifference(k: unknown, n: unknown, path = '$'): string | null {
  if (JSON.stringify(k) === JSON.stringify(n)) return null;
  if (k && n && typeof k === 'object' && typeof n === 'object') {
    const keys = [...new Set([...Object.keys(k), ...Object.keys(n)])];
    for (const key of keys) {
      const found = firstDifference(
        (k as Record<string, unknown>)[key],
        (n as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found) return found;
    }
  }
  return `${path}: kuzu ${JSON.stringify(k)?.slice(0, 300)} ≠ neo4j ${JSON.stringify(n)?.slice(0, 300)}`;
}

if (NEO4J_ENABLED) {
  describe('engine parity on the real fixtures [kuzu ↔ neo4j]', () => {
    const kuzu = graphqlOn(KUZU, FIXTURES);
    const neo4j = graphqlOn(NEO4J, FIXTURES);

    it('covers at least 40 documents, every saved example among them', () => {
      expect(DOCUMENTS.length + PAGINGS.length).toBeGreaterThanOrEqual(40);
      for (const e of EXAMPLES) expect(DOCUMENTS.some((d) => d.query === e.query)).toBe(true);
    });

    it.each(DOCUMENTS.map((d) => [d.name, d] as const))('%s', async (_name, d) => {
      const [k, n] = [await kuzu.run(d.query, d.variables), await neo4j.run(d.query, d.variables)];
      // Every document must say something: an empty answer on both sides would prove nothing.
      expect(answer(k).length).toBeGreaterThan(20);
      expect(firstDifference(JSON.parse(answer(k)), JSON.parse(answer(n)))).toBeNull();
      expect(answer(n)).toBe(answer(k));
    });

    it.each(PAGINGS)('pages %s by %s to the end, cursor for cursor', async (field, order) => {
      const k = await pageThrough(kuzu.run, field, order);
      const n = await pageThrough(neo4j.run, field, order);
      expect(k.length).toBeGreaterThan(1);
      expect(firstDifference(k, n)).toBeNull();
      expect(JSON.stringify(n)).toBe(JSON.stringify(k));
    });
  });
} else {
  skipNeo4j('engine parity on the real fixtures', () => {
    it('needs both engines', () => undefined);
  });
}
