/**
 * The analyst queries: search, path, companyProjectLinks, projectTimeline,
 * editionStats, and the types they return. Reads go through store/analyst.ts;
 * what is decided here is policy: how hits rank, which of several shortest
 * paths is shown, how link weights add up.
 */
import type { StoredNode } from '../../store/engine';
import {
  editionStats,
  linkFacts,
  projectTimeline,
  searchCandidates,
  shortestPaths,
  type PathRow,
} from '../../store/analyst';
import { decodeSource, labelOf, RELATION_SOURCES, type Label } from '../../store/kinds';
import { BadInputError, NotFoundError } from '../../errors';
import { expand, words } from '../../search/terms';
import { score } from '../../search/rank';
import { vocabulary } from '../../search/vocabulary';
import type { Context } from '../context';
import type {
  BackingKind,
  CompanyProjectLinkResolvers,
  EntityType,
  PathStepResolvers,
  QueryCompanyProjectLinksArgs,
  QueryPathArgs,
  QueryProjectTimelineArgs,
  QueryResolvers,
  QuerySearchArgs,
  TimelineEntryResolvers,
} from '../generated/types';
import type { LinkValue, PathValue, TimelineValue } from '../values';
import { expectKind, labelOfArg } from './shared';

const MAX_SEARCH = 50;
const MAX_LINKS = 200;
const MAX_HOPS = 6;

const ENTITY_TYPES: Partial<Record<Label, EntityType>> = {
  Edition: 'EDITION',
  Talk: 'TALK',
  Person: 'PERSON',
  Company: 'COMPANY',
  Project: 'PROJECT',
  Article: 'ARTICLE',
  Announcement: 'ANNOUNCEMENT',
};

function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(`${name} must be between ${min} and ${max} (got ${value})`, { argument: name });
  }
  return value;
}

/** Loads a node an argument names, or fails with NOT_FOUND naming the argument. */
async function existing(ctx: Context, id: string, argument: string, label?: Label): Promise<StoredNode> {
  if (label) expectKind(id, label, argument);
  const kind = label ?? labelOfArg(id, argument);
  const node = await ctx.loaders.node(kind).load(id);
  if (!node) throw new NotFoundError(`${argument}: no ${kind} with id ${id}`, { argument });
  return node;
}

const labelText = (node: StoredNode): string =>
  String(node.name ?? node.title ?? node.description ?? node.label ?? node.id);

async function search(_r: unknown, args: QuerySearchArgs, ctx: Context) {
  const first = bounded('first', args.first ?? 10, 0, MAX_SEARCH);
  const queryWords = words(args.query);
  if (queryWords.length === 0) {
    throw new BadInputError('query must contain at least one letter or digit', { argument: 'query' });
  }
  const expanded = expand(queryWords, await vocabulary(ctx.repo));
  const candidates = await searchCandidates(ctx.repo, expanded, Math.max(50, first * 3));
  const foldedQuery = queryWords.join(' ');
  const wanted = args.types?.length ? new Set(args.types) : null;
  const best = new Map<string, number>();
  for (const c of candidates) {
    const type = ENTITY_TYPES[labelOf(c.id)!];
    if (!type || (wanted && !wanted.has(type))) continue;
    const s = score(queryWords, foldedQuery, c.text);
    if (s > 0 && s > (best.get(c.id) ?? 0)) best.set(c.id, s);
  }
  const ranked = [...best.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, first);
  const nodes = await Promise.all(ranked.map(([id]) => ctx.loaders.node(labelOf(id)!).load(id)));
  return ranked.flatMap(([id, s], i) => {
    const node = nodes[i];
    const type = ENTITY_TYPES[labelOf(id)!];
    return node && type ? [{ node, type, label: labelText(node), score: s }] : [];
  });
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

/**
 * Among equally short paths (both engines return them all): fewest articles in
 * between (sharing an article is the weakest link), then the strongest
 * relationships, then ids — so Kuzu and Neo4j show the same path.
 */
function choosePath(rows: PathRow[]): PathRow | undefined {
  const articles = (r: PathRow) => r.ids.slice(1, -1).filter((id) => id.startsWith('article:')).length;
  const weakness = (r: PathRow) =>
    r.types.reduce((sum, t) => sum + (STRENGTH.indexOf(t) + 1 || STRENGTH.length + 1), 0);
  const key = (r: PathRow) => `${r.ids.join(' ')} ${r.types.join(' ')}`;
  return [...rows].sort(
    (a, b) =>
      a.ids.length - b.ids.length ||
      articles(a) - articles(b) ||
      weakness(a) - weakness(b) ||
      key(a).localeCompare(key(b)),
  )[0];
}

async function path(_r: unknown, args: QueryPathArgs, ctx: Context): Promise<PathValue | null> {
  const maxHops = bounded('maxHops', args.maxHops ?? 4, 1, MAX_HOPS);
  await Promise.all([existing(ctx, args.from, 'from'), existing(ctx, args.to, 'to')]);
  if (args.from === args.to) return { length: 0, steps: [] };
  const chosen = choosePath(await shortestPaths(ctx.repo, args.from, args.to, maxHops));
  if (!chosen) return null;
  const steps = chosen.types.map((relation, i) => {
    const from = chosen.ids[i]!;
    const to = chosen.ids[i + 1]!;
    return {
      fromId: from,
      toId: to,
      relation,
      forward: (RELATION_SOURCES[relation] ?? []).includes(labelOf(from)!),
      sources: (chosen.sources[i] ?? []).map(decodeSource),
      reference: chosen.references[i] ?? null,
    };
  });
  return { length: steps.length, steps };
}

/**
 * The whole company–project matrix for a filter, strongest links first: what
 * Query.companyProjectLinks pages and /export/company-project-links.* streams.
 */
export async function companyProjectMatrix(
  ctx: Context,
  args: Omit<QueryCompanyProjectLinksArgs, 'first'>,
): Promise<LinkValue[]> {
  const editionId = expectKind(args.editionId, 'Edition', 'editionId');
  const facts = await linkFacts(ctx.repo, {
    editionId,
    companyId: expectKind(args.companyId, 'Company', 'companyId'),
    projectId: expectKind(args.projectId, 'Project', 'projectId'),
  });
  const links = new Map<string, LinkValue>();
  for (const f of facts) {
    if (f.via === 'BACKS' && editionId) continue; // backing is not tied to any edition
    const key = `${f.company} ${f.project}`;
    const link = links.get(key) ?? {
      companyId: f.company,
      companyName: f.companyName,
      projectId: f.project,
      projectName: f.projectName,
      talks: new Set<string>(),
      announcements: new Set<string>(),
      backing: new Set<string>(),
      weight: 0,
    };
    ({ TALK: link.talks, ANNOUNCEMENT: link.announcements, BACKS: link.backing })[f.via].add(f.fact);
    links.set(key, link);
  }
  for (const link of links.values())
    link.weight = link.talks.size + link.announcements.size + link.backing.size;
  const byName = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase());
  return [...links.values()].sort(
    (a, b) =>
      b.weight - a.weight || byName(a.companyName, b.companyName) || byName(a.projectName, b.projectName),
  );
}

async function companyProjectLinks(
  _r: unknown,
  args: QueryCompanyProjectLinksArgs,
  ctx: Context,
): Promise<LinkValue[]> {
  const first = bounded('first', args.first ?? 50, 0, MAX_LINKS);
  return (await companyProjectMatrix(ctx, args)).slice(0, first);
}

const LEVELS = ['ARCHIVED', 'SANDBOX', 'INCUBATING', 'GRADUATED'];

async function timeline(_r: unknown, args: QueryProjectTimelineArgs, ctx: Context): Promise<TimelineValue[]> {
  await existing(ctx, args.projectId, 'projectId', 'Project');
  let carried: string | null = null;
  return (await projectTimeline(ctx.repo, args.projectId)).map((row) => {
    // Several levels reported at one edition (rare): the most advanced one stands.
    const reported = [...row.maturities].sort((a, b) => LEVELS.indexOf(a) - LEVELS.indexOf(b)).at(-1) ?? null;
    carried = reported ?? carried;
    const { edition, talks, announcements } = row;
    return { edition, talks, announcements, maturity: carried, maturityChanged: reported !== null };
  });
}

/** Counts per edition, newest first: Query.editionStats and /export/edition-stats.*. */
export async function stats(ctx: Context) {
  const rows = await editionStats(ctx.repo);
  ctx.loaders.prime(rows.map((r) => r.node));
  return rows.map((r) => ({ ...r, edition: r.node }));
}

export const analystQueries: QueryResolvers = {
  search: (r, args, ctx) => search(r, args, ctx),
  path: (r, args, ctx) => path(r, args, ctx),
  companyProjectLinks: (r, args, ctx) => companyProjectLinks(r, args, ctx),
  projectTimeline: (r, args, ctx) => timeline(r, args, ctx),
  editionStats: (_r, _args, ctx) => stats(ctx),
};

const nodeById = (ctx: Context, id: string) => ctx.loaders.node(labelOf(id)!).load(id);
const nodesByIds = async (ctx: Context, ids: Iterable<string>) =>
  (await Promise.all([...ids].map((id) => nodeById(ctx, id)))).filter((n): n is StoredNode => n !== null);

/** Ids a query just returned (path steps, link ends, timeline editions): a missing node is a data fault. */
const mustLoad = async (ctx: Context, id: string) => {
  const node = await nodeById(ctx, id);
  if (!node) throw new Error(`path step names a missing node ${id}`);
  return node;
};

export const PathStep: PathStepResolvers = {
  from: (s, _a, ctx) => mustLoad(ctx, s.fromId),
  to: (s, _a, ctx) => mustLoad(ctx, s.toId),
};

export const CompanyProjectLink: CompanyProjectLinkResolvers = {
  company: (l, _a, ctx) => mustLoad(ctx, l.companyId),
  project: (l, _a, ctx) => mustLoad(ctx, l.projectId),
  talks: (l, _a, ctx) => nodesByIds(ctx, l.talks),
  announcements: (l, _a, ctx) => nodesByIds(ctx, l.announcements),
  // Stored backing kinds are the schema's BackingKind values (the loader checks them).
  backing: (l) => [...l.backing].sort() as BackingKind[],
};

export const TimelineEntry: TimelineEntryResolvers = {
  edition: (t, _a, ctx) => mustLoad(ctx, t.edition),
  talks: (t, _a, ctx) => nodesByIds(ctx, t.talks),
  announcements: (t, _a, ctx) => nodesByIds(ctx, t.announcements),
};
