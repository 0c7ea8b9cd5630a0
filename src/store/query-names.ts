/**
 * Every named query the service runs, so that a missing Cypher file is caught
 * when the registry loads (at start) rather than when a field is first asked for.
 */
import { KINDS, SEARCHABLE_KINDS } from './kinds';
import type { ListName } from './repository';

const LISTS: readonly ListName[] = ['talks', 'speakers', 'companies', 'projects'];

/** Relationship batches behind GraphQL fields: `<kind>/<field>`. */
export const RELATION_QUERIES = [
  'edition/talks',
  'edition/speakers',
  'edition/companies',
  'edition/projects',
  'edition/articles',
  'edition/announcements',
  'edition/figures',
  'edition/sponsors',
  'edition/coverage-projects',
  'edition/projects-all-scopes',
  'edition/companies-all-scopes',
  'edition/coverage-companies',
  'talk/edition',
  'talk/participants',
  'talk/companies',
  'talk/projects',
  'talk/mentioned-companies',
  'person/talks',
  'person/affiliations',
  'person/companies',
  'person/projects',
  'company/people',
  'company/talks',
  'company/projects',
  'company/editions',
  'company/backs',
  'company/sponsorships',
  'project/talks',
  'project/companies',
  'project/editions',
  'project/announcements',
  'project/backers',
  'project/coverage-editions',
  'project/editions-all-scopes',
  'article/publisher',
  'article/edition',
  'article/mentions',
  'announcement/edition',
  'announcement/projects',
  'announcement/companies',
  'figure/edition',
] as const;

export type RelationQuery = (typeof RELATION_QUERIES)[number];

const LOAD_QUERIES = [
  'load/reset',
  'load/lock',
  'load/stamp',
  'load/talk-head',
  'load/unhead',
  'load/link-head',
  'head/link-facts',
  'head/talks',
  'head/talks-total',
  ...['edition', 'article', 'talk', 'person', 'company', 'project', 'announcement', 'figure'].map(
    (k) => `load/${k}`,
  ),
  ...[
    'talk-at',
    'announcement-at',
    'figure-at',
    'person-presented',
    'company-presented',
    'affiliated-with',
    'talk-mentions-project',
    'talk-mentions-company',
    'article-mentions-project',
    'article-mentions-company',
    'article-mentions-person',
    'article-covers',
    'article-published-by',
    'person-wrote',
    'backs',
    'announcement-about-project',
    'announcement-about-company',
    'link',
    'link-page',
    'talk-card',
    'project-card',
    'company-card',
    'edition-card',
    'unlink',
    'unpage',
    'sponsored',
    'talk-sort-keys',
    'edition-stats',
    'edition-order',
    'edition-rank',
  ].map((r) => `load/${r}`),
  ...SEARCHABLE_KINDS.map((k) => `load/${k}-search-fields`),
  'talk/unkeyed',
  'search/untokenised',
  'search/unfolded',
  'edition/uncounted',
  'link/unpaged',
  'link/stored',
  'link/stored-pages',
  'link/facts',
  'card/stored',
  'card/stored-projects',
  'card/stored-companies',
  'card/stored-editions',
  'card/missing',
  // What planLinks and planCards read, from the store (src/load/relink.ts, recard.ts): input/<x> stands for load/<x>.
  ...[
    'company',
    'project',
    'person',
    'talk',
    'talk-at',
    'announcement-at',
    'talk-mentions-project',
    'announcement-about-project',
    'company-presented',
    'announcement-about-company',
    'backs',
    'person-presented',
    'affiliated-with',
    'edition',
    'article-covers',
    'article-mentions-company',
  ].map((input) => `input/${input}`),
];

/** Queries only one engine runs (its adapter's own needs). */
export const ENGINE_QUERIES = {
  kuzu: ['search/indexes', 'search/index-names', 'search/drop-indexes'],
  // A reset load's pruning (src/load/prune.ts): Kuzu's readers see a snapshot, so a reset empties first there.
  neo4j: ['load/prune-nodes', 'load/prune-relationships'],
} as const;

export const ANALYST_QUERIES = [
  'graph/load-stamp',
  'search/texts',
  'search/documents',
  'search/query',
  'search/indexed',
  'health/ready',
  'analyst/path',
  'analyst/path-length',
  'analyst/path-hops-1',
  'analyst/path-hops-2',
  'analyst/path-hops-3',
  'analyst/company-project-links',
  'analyst/company-project-links-after',
  'analyst/company-project-link-page',
  'analyst/company-project-links-count',
  'analyst/neighbors',
  'analyst/project-timeline-talks',
  'analyst/project-timeline-announcements',
  'analyst/edition-stats',
  'analyst/edition-stats-names',
] as const;

/**
 * Relationship batches asked only for what an id and a name answer
 * (NAMED_FIELDS in src/graphql/lookahead.ts): each relation's twin that returns
 * `key, id, name` alone. Kuzu reads a whole column for every property a query
 * returns, so the twin costs about half the whole nodes' time. Its answers are
 * stubs, kept in loaders of their own (Loaders.names).
 */
export const NAME_QUERIES = {
  'talk/edition': 'talk/edition-name',
  'talk/projects': 'talk/project-names',
  'talk/companies': 'talk/company-names',
  'person/companies': 'person/company-names',
  'person/projects': 'person/project-names',
  'company/people': 'company/person-names',
  'company/projects': 'company/project-names',
  'project/companies': 'project/company-names',
  'edition/speakers': 'edition/speaker-names',
  'edition/companies': 'edition/company-names',
  'edition/coverage-companies': 'edition/coverage-company-names',
  'edition/projects': 'edition/project-names',
  'edition/coverage-projects': 'edition/coverage-project-names',
  'edition/projects-all-scopes': 'edition/project-names-all-scopes',
  'edition/companies-all-scopes': 'edition/company-names-all-scopes',
} as const satisfies Partial<Record<RelationQuery, string>>;

export type NameQuery = (typeof NAME_QUERIES)[keyof typeof NAME_QUERIES];

/**
 * Variants that fetch a relationship and the level below it in one statement
 * (src/graphql/lookahead.ts), or a node asked by id with its talks (src/graphql/prefetch.ts).
 */
export const LOOKAHEAD_QUERIES = [
  'edition/with-talks',
  'talk/participants-people',
  'talk/participants-companies',
  'talk/participant-names',
  'person/affiliation-names',
] as const;

/**
 * Query.talks' variants, one picked per filter (talkList in repository.ts): a
 * page, the page with its total (`-counted`), and the total alone (`-count`).
 */
export const TALK_LIST_QUERIES = [
  'list/talks-unfiltered',
  'list/talks-unfiltered-counted',
  ...['direct', 'by-speaker', 'by-company', 'by-project'].flatMap((v) => [
    `list/talks-${v}`,
    `list/talks-${v}-counted`,
    `list/talks-${v}-count`,
  ]),
];

export const REQUIRED_QUERIES: readonly string[] = [
  ...LOOKAHEAD_QUERIES,
  ...TALK_LIST_QUERIES,
  ...ANALYST_QUERIES,
  'schema',
  'stats/nodes',
  'stats/relationships',
  'edition/all',
  'article/all',
  'list/root-sizes',
  ...Object.values(KINDS).map((label) => `node/${label.toLowerCase()}`),
  'node/one',
  'node/talk-fields',
  ...LISTS.filter((l) => l !== 'talks').flatMap((l) => [`list/${l}`, `list/${l}-count`]),
  ...RELATION_QUERIES,
  ...Object.values(NAME_QUERIES),
  ...LOAD_QUERIES,
];
