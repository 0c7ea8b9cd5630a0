/**
 * The analyst queries: search, path, companyProjectLinks (list and
 * connection), projectTimeline, editionStats, and the types they return. Reads go through store/analyst.ts;
 * what is decided here is policy: which candidates a search keeps (scored by
 * src/search/rank.ts) and which of several shortest paths is shown. Link
 * weights, ranks and facts are not computed here: the loader stores them with
 * each link summary (src/load/plan/links.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { StoredNode } from '../../store/engine';
import {
  editionStats,
  linkCount,
  linkMatrix,
  rankedLinks,
  type LinkFilter,
  projectTimeline,
  searchCandidates,
  shortestPathLength,
  shortestPaths,
  type PathRow,
} from '../../store/analyst';
import { decodeSource, labelOf, RELATION_SOURCES, type Label } from '../../store/kinds';
import { BadInputError, NotFoundError, clipped } from '../../errors';
import { expand, words } from '../../search/terms';
import { score } from '../../search/rank';
import { vocabulary } from '../../search/vocabulary';
import type { Context } from '../context';
import { talksByIds } from './talk';
import type {
  BackingKind,
  CompanyProjectLinkResolvers,
  PathStepResolvers,
  QueryCompanyProjectLinksArgs,
  QueryCompanyProjectLinksConnectionArgs,
  QueryPathArgs,
  QueryProjectTimelineArgs,
  QueryResolvers,
  QuerySearchArgs,
  SearchHitResolvers,
  TimelineEntryResolvers,
} from '../generated/types';
import type { LinkValue, PathValue, SearchHitValue, TimelineValue } from '../values';
import { connectionOf, decodeCursor } from '../pagination';
import { NAMED_FIELDS, selectsBeyond, selectsOnly } from '../lookahead';
import { stub } from '../../store/repository';
import { bounded, ENTITY_TYPES, expectKind, labelOfArg } from './shared';

const MAX_SEARCH = 50;
/**
 * Search input caps: expansion and ranking compare every query word with the
 * vocabulary and candidates (edit distances), so their cost grows with the
 * query; these bounds keep one search to a few ms of event-loop time.
 */
export const MAX_SEARCH_CHARS = 200;
export const MAX_SEARCH_WORDS = 10;
const MAX_LINKS = 200;
const MAX_EDITION_STATS = 1000;
const MAX_HOPS = 6;

/** Loads a node an argument names, or fails with NOT_FOUND naming the argument. */
export async function existing(
  ctx: Context,
  id: string,
  argument: string,
  label?: Label,
): Promise<StoredNode> {
  if (label) expectKind(id, label, argument);
  const kind = label ?? labelOfArg(id, argument);
  const node = await ctx.loaders.node(kind).load(id);
  if (!node) throw new NotFoundError(`${argument}: no ${kind} with id ${clipped(id)}`, { argument });
  return node;
}

async function search(_r: unknown, args: QuerySearchArgs, ctx: Context) {
  const first = bounded('first', args.first ?? 10, 0, MAX_SEARCH);
  if (args.query.length > MAX_SEARCH_CHARS) {
    throw new BadInputError(
      `query must be at most ${MAX_SEARCH_CHARS} characters (got ${args.query.length})`,
      {
        argument: 'query',
      },
    );
  }
  const queryWords = words(args.query);
  if (queryWords.length > MAX_SEARCH_WORDS) {
    throw new BadInputError(`query must have at most ${MAX_SEARCH_WORDS} words (got ${queryWords.length})`, {
      argument: 'query',
    });
  }
  if (queryWords.length === 0) {
    // The service's words are Latin letters and digits once accents are folded (search/terms.ts).
    throw new BadInputError(
      'query must contain at least one letter a-z or digit 0-9 once accents are removed: other scripts are not searchable',
      { argument: 'query' },
    );
  }
  const expanded = expand(queryWords, await vocabulary(ctx.repo));
  const candidates = await searchCandidates(ctx.repo, queryWords, expanded, first);
  const foldedQuery = queryWords.join(' ');
  const wanted = args.types?.length ? new Set(args.types) : null;
  const best = new Map<string, SearchHitValue>();
  for (const c of candidates) {
    const type = ENTITY_TYPES[labelOf(c.id)!];
    if (!type || (wanted && !wanted.has(type))) continue;
    const s = score(queryWords, foldedQuery, c.text, c.label);
    if (s > 0 && s > (best.get(c.id)?.score ?? 0))
      best.set(c.id, { id: c.id, type, label: c.label, score: s });
  }
  // The hits' nodes load only if the query asks for them (SearchHit.node).
  return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, first);
}

/** Relationship types from the strongest statement to the weakest, for choosing between equal paths. */
const STRENGTH = [
  'PRESENTED',
  'BACKS',
  'AFFILIATED_WITH',
  'ABOUT',
  'SPONSORED',
  'AT',
  'MENTIONS',
  'WROTE',
  'PUBLISHED_BY',
  'COVERS',
];

/** A path's nodes and relationship types: rows alike in it differ only by parallel relationships. */
const pathKey = (r: PathRow) => `${r.ids.join(' ')} ${r.types.join(' ')}`;

/**
 * Among equally short paths (both engines return them all): fewest articles in
 * between (sharing an article is the weakest link), then the strongest
 * relationships, then ids — so Kuzu and Neo4j show the same path.
 */
function choosePath(rows: PathRow[]): PathRow | undefined {
  const articles = (r: PathRow) => r.ids.slice(1, -1).filter((id) => id.startsWith('article:')).length;
  const weakness = (r: PathRow) =>
    r.types.reduce((sum, t) => sum + (STRENGTH.indexOf(t) + 1 || STRENGTH.length + 1), 0);
  return [...rows].sort(
    (a, b) =>
      a.ids.length - b.ids.length ||
      articles(a) - articles(b) ||
      weakness(a) - weakness(b) ||
      pathKey(a).localeCompare(pathKey(b)),
  )[0];
}

async function path(_r: unknown, args: QueryPathArgs, ctx: Context): Promise<PathValue | null> {
  const maxHops = bounded('maxHops', args.maxHops ?? 4, 1, MAX_HOPS);
  // Ids checked before anything runs: the length search below starts beside the lookups.
  labelOfArg(args.from, 'from');
  labelOfArg(args.to, 'to');
  const same = args.from === args.to;
  const [, , shortest] = await Promise.all([
    existing(ctx, args.from, 'from'),
    existing(ctx, args.to, 'to'),
    same ? null : shortestPathLength(ctx.repo, args.from, args.to),
  ]);
  if (same) return { length: 0, ids: [args.from], steps: [] };
  if (shortest === null || shortest.length > maxHops) return null;
  const paths = shortest.paths ?? (await shortestPaths(ctx.repo, args.from, args.to, shortest.length));
  const chosen = choosePath(paths);
  if (!chosen) return null;
  const merged = mergeParallel(chosen, paths);
  const steps = chosen.types.map((relation, i) => {
    const from = chosen.ids[i]!;
    const to = chosen.ids[i + 1]!;
    return {
      fromId: from,
      toId: to,
      relation,
      forward: (RELATION_SOURCES[relation] ?? []).includes(labelOf(from)!),
      sources: (merged.sources[i] ?? []).map(decodeSource),
      reference: merged.references[i] ?? null,
    };
  });
  return { length: steps.length, ids: chosen.ids, steps };
}

/**
 * The chosen path with the sources of every path through the same nodes by the
 * same relationship types: those differ only by parallel relationships (two
 * affiliations of one person to one company, at two editions), one step they
 * share, as `neighborhood` merges them. Each engine returned them in its own
 * order, so each cited a different one.
 */
function mergeParallel(chosen: PathRow, rows: readonly PathRow[]): PathRow {
  const same = rows
    .filter((r) => pathKey(r) === pathKey(chosen))
    .sort((a, b) => JSON.stringify(a.sources).localeCompare(JSON.stringify(b.sources)));
  return {
    ...chosen,
    sources: chosen.types.map((_, i) => [...new Set(same.flatMap((r) => r.sources[i] ?? []))]),
    references: chosen.types.map((_, i) => same.find((r) => r.references[i] != null)?.references[i] ?? null),
  };
}

type LinkArgs = Omit<QueryCompanyProjectLinksArgs, 'first'>;

function linkFilter(args: LinkArgs): LinkFilter {
  return {
    editionId: expectKind(args.editionId, 'Edition', 'editionId'),
    companyId: expectKind(args.companyId, 'Company', 'companyId'),
    projectId: expectKind(args.projectId, 'Project', 'projectId'),
  };
}

/** One ranked window of links, weighed, ordered and cut in the database; facts are read when asked. */
async function linkWindow(
  ctx: Context,
  filter: LinkFilter,
  skip: number,
  limit: number,
): Promise<LinkValue[]> {
  const rows = await rankedLinks(ctx.repo, filter, skip, limit);
  return rows.map((r) => ({
    id: r.id,
    companyId: r.company,
    projectId: r.project,
    weight: r.weight,
    companyName: r.companyName,
    projectName: r.projectName,
  }));
}

/**
 * Links per statement of the whole matrix. Memory holds one window: at 1000× data
 * the 145,000 links export in about 4 s on Kuzu with 60 MiB of heap, where reading
 * them whole took 3 s and 320–410 MiB.
 */
const MATRIX_WINDOW = 5_000;

/**
 * The whole company–project matrix of a filter, strongest links first, in the
 * order the GraphQL fields give, with each link's facts: what
 * /export/company-project-links.* streams, a window at a time. The filter's
 * ids are checked on the first read, before anything is sent.
 */
export async function* companyProjectMatrix(ctx: Context, args: LinkArgs, window = MATRIX_WINDOW) {
  yield* linkMatrix(ctx.repo, linkFilter(args), window);
}

async function companyProjectLinks(
  _r: unknown,
  args: QueryCompanyProjectLinksArgs,
  ctx: Context,
): Promise<LinkValue[]> {
  const first = bounded('first', args.first ?? 50, 0, MAX_LINKS);
  const filter = linkFilter(args);
  return first === 0 ? [] : linkWindow(ctx, filter, 0, first);
}

const LINK_ORDER = 'LINKS';

async function companyProjectLinksConnection(
  _r: unknown,
  args: QueryCompanyProjectLinksConnectionArgs,
  ctx: Context,
) {
  const first = bounded('first', args.first ?? 50, 0, MAX_LINKS);
  const filter = linkFilter(args);
  const skip = args.after ? decodeCursor(args.after, LINK_ORDER) + 1 : 0;
  // One row more than asked tells whether there is a next page.
  const rows = await linkWindow(ctx, filter, skip, first + 1);
  return connectionOf(rows, { skip, limit: first + 1, order: LINK_ORDER }, () => linkCount(ctx.repo, filter));
}

const LEVELS = ['ARCHIVED', 'SANDBOX', 'INCUBATING', 'GRADUATED'];

async function timeline(_r: unknown, args: QueryProjectTimelineArgs, ctx: Context): Promise<TimelineValue[]> {
  expectKind(args.projectId, 'Project', 'projectId');
  // The project's existence and its timeline are independent reads: side by side.
  const [, rows] = await Promise.all([
    existing(ctx, args.projectId, 'projectId', 'Project'),
    projectTimeline(ctx.repo, args.projectId),
  ]);
  let carried: string | null = null;
  return rows.map((row) => {
    // The timeline's statements return whole nodes: its fields need no other read.
    ctx.loaders.prime([row.edition, ...row.talks, ...row.announcements]);
    // Several levels reported at one edition (rare): the most advanced one stands.
    const reported = [...row.maturities].sort((a, b) => LEVELS.indexOf(a) - LEVELS.indexOf(b)).at(-1) ?? null;
    carried = reported ?? carried;
    return {
      edition: row.edition.id,
      talks: row.talks.map((t) => t.id),
      announcements: row.announcements.map((a) => a.id),
      maturity: carried,
      maturityChanged: reported !== null,
    };
  });
}

/**
 * Counts per edition, newest first: Query.editionStats and /export/edition-stats.*.
 * Editions asked only for ids and names are read as such (not primed: partial).
 */
export async function editionStatsRows(ctx: Context, first: number, info?: GraphQLResolveInfo) {
  const names = info !== undefined && !selectsBeyond(info, ['edition'], NAMED_FIELDS);
  const rows = first === 0 ? [] : await editionStats(ctx.repo, first, names);
  if (!names) ctx.loaders.prime(rows.map((r) => r.node));
  return rows.map((r) => ({ ...r, edition: r.node }));
}

export const analystQueries: QueryResolvers = {
  search: (r, args, ctx) => search(r, args, ctx),
  path: (r, args, ctx) => path(r, args, ctx),
  companyProjectLinks: (r, args, ctx) => companyProjectLinks(r, args, ctx),
  companyProjectLinksConnection: (r, args, ctx) => companyProjectLinksConnection(r, args, ctx),
  projectTimeline: (r, args, ctx) => timeline(r, args, ctx),
  editionStats: (_r, args, ctx, info) =>
    editionStatsRows(ctx, bounded('first', args.first ?? 100, 0, MAX_EDITION_STATS), info),
};

const nodeById = (ctx: Context, id: string) => ctx.loaders.node(labelOf(id)!).load(id);
const nodesByIds = async (ctx: Context, ids: Iterable<string>) =>
  (await Promise.all([...ids].map((id) => nodeById(ctx, id)))).filter((n): n is StoredNode => n !== null);

/** Ids a query just returned (path steps, link ends, search hits, timeline editions): a missing node is a data fault. */
const mustLoad = async (ctx: Context, id: string) => {
  const node = await nodeById(ctx, id);
  if (!node) throw new Error(`a query result names a missing node ${id}`);
  return node;
};

export const PathStep: PathStepResolvers = {
  from: (s, _a, ctx) => mustLoad(ctx, s.fromId),
  to: (s, _a, ctx) => mustLoad(ctx, s.toId),
};

/**
 * A link's end, from the link row when the query asks only what the row holds
 * (the matrix: `company { name }`), else loaded. The partial node is never
 * primed into a loader, so no other field of the request can see it.
 */
function linkEnd(ctx: Context, info: GraphQLResolveInfo, id: string, name: string) {
  return selectsOnly(info, NAMED_FIELDS) ? stub(id, name) : mustLoad(ctx, id);
}

export const CompanyProjectLink: CompanyProjectLinkResolvers = {
  company: (l, _a, ctx, info) => linkEnd(ctx, info, l.companyId, l.companyName),
  project: (l, _a, ctx, info) => linkEnd(ctx, info, l.projectId, l.projectName),
  talks: async (l, _a, ctx, info) => {
    const facts = await ctx.loaders.linkFacts.load(l.id);
    return talksByIds(ctx, info, facts.talks, facts.talkTitles);
  },
  announcements: async (l, _a, ctx) =>
    nodesByIds(ctx, (await ctx.loaders.linkFacts.load(l.id)).announcements),
  // Stored backing kinds are the schema's BackingKind values, sorted (the loader checks and sorts them).
  backing: async (l, _a, ctx) => (await ctx.loaders.linkFacts.load(l.id)).backing as BackingKind[],
};

export const SearchHit: SearchHitResolvers = {
  node: (h, _a, ctx) => mustLoad(ctx, h.id),
};

export const TimelineEntry: TimelineEntryResolvers = {
  edition: (t, _a, ctx) => mustLoad(ctx, t.edition),
  // Primed whole by the timeline's own statement (timeline above): no statement of their own.
  talks: (t, _a, ctx) => nodesByIds(ctx, t.talks),
  announcements: (t, _a, ctx) => nodesByIds(ctx, t.announcements),
};
