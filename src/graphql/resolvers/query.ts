/** Root query fields: lookups by id, whole lists, and the filtered, paginated connections. */
import type { Params } from '../../store/engine';
import { stub, type ListName } from '../../store/repository';
import { listFilter } from '../filters';
import { connectionOf, windowOf, type Connection } from '../pagination';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import type { InputMaybe, QueryResolvers } from '../generated/types';
import { listPropertiesAt, NAMED_FIELDS, selects, selectsBeyond, type PropertyReads } from '../lookahead';
import { talkProperties } from './talk';
import { editionProperties } from './edition';
import { nodeCardProperties, primeCards, primeNodeCards } from '../cards';
import { PERSON_PROPERTIES } from './person';
import { COMPANY_PROPERTIES } from './company';
import { PROJECT_PROPERTIES } from './project';
import { bounded, EVERY_ROW, expectKind, labelOfArg } from './shared';
import { lookupWithFields } from '../prefetch';

/** `first` and `orderBy` have SDL defaults, but a client may still send an explicit null. */
interface ListArgs {
  first?: InputMaybe<number>;
  after?: InputMaybe<string>;
  orderBy?: InputMaybe<string>;
}

/**
 * Runs a list query for one window. totalCount, when asked for, comes from the
 * same statement for talks (look-ahead: list/talks-*-counted) and from a count
 * query otherwise; a talk page that selects Talk.edition primes it from the
 * same statement, one that does not may skip that join (look-ahead too).
 */
async function listConnection(
  list: ListName,
  filter: Params,
  args: ListArgs,
  ctx: Context,
  info: GraphQLResolveInfo | undefined,
): Promise<Connection> {
  const order = args.orderBy ?? (list === 'talks' ? 'NEWEST' : 'NAME');
  const window = windowOf(args.first, args.after, order);
  const counted = selects(info, ['totalCount']);
  const withEditions = list === 'talks' && selects(info, ['edges', 'node', 'edition']);
  // Nodes are read as the properties their fields need, when those are known;
  // editions asked only for ids and names, as those.
  const properties = list === 'talks' ? talkProperties(info, 'all') : namedProperties(list, info);
  // A project's companies, a company's projects, asked only by name: from the node's card.
  const cards = list === 'talks' ? [] : nodeCardProperties(list, info);
  const editionNames = withEditions && !selectsBeyond(info, ['edges', 'node', 'edition'], NAMED_FIELDS);
  const page = await ctx.repo.pageRows(
    list,
    filter,
    { sort: window.order, skip: window.skip, limit: window.limit },
    {
      counted,
      withEditions,
      properties: properties && cards.length ? [...properties, ...cards] : (properties ?? undefined),
      editionNames,
      peek: true,
    },
  );
  // Partial nodes are never primed: a node loader must not answer another field with one.
  if (!properties) ctx.loaders.prime(page.nodes);
  if (list === 'talks') primeCards(ctx.loaders, page.nodes);
  else if (cards.length) primeNodeCards(ctx.loaders, list, page.nodes);
  page.nodes.forEach((node, i) => {
    const edition = page.editions[i];
    if (!edition) return;
    ctx.loaders.names('talk/edition-name').prime(node.id, [stub(edition.id, edition.name)]);
    if (!editionNames) ctx.loaders.related('talk/edition').prime(node.id, [{ node: edition }]);
  });
  const total = page.total;
  return connectionOf(page.nodes, window, () => total ?? ctx.repo.count(list, filter), page.more);
}

/** Each named list's node fields, and what the list always reads: the id and the name it orders by. */
const NAMED_LISTS: Record<Exclude<ListName, 'talks'>, PropertyReads> = {
  speakers: PERSON_PROPERTIES,
  companies: COMPANY_PROPERTIES,
  projects: PROJECT_PROPERTIES,
};

function namedProperties(list: Exclude<ListName, 'talks'>, info: GraphQLResolveInfo | undefined) {
  return listPropertiesAt(info, ['edges', 'node'], NAMED_LISTS[list], ['id', 'name']);
}

/**
 * Query.editions and Query.articles: every row when `first` is absent (or null),
 * the cost estimate sizing them by their stored count then (../list-sizes.ts).
 */
async function rootList(
  name: 'edition/all' | 'article/all',
  first: InputMaybe<number> | undefined,
  ctx: Context,
) {
  const cut = first == null ? EVERY_ROW : bounded('first', first, 0, EVERY_ROW);
  if (cut === 0) return [];
  const nodes = await ctx.repo.all(name, cut);
  ctx.loaders.prime(nodes);
  return nodes;
}

export const Query: QueryResolvers = {
  // By id: the selected fields' batches start with the lookup (../prefetch.ts).
  node: (_r, { id }, ctx, info) => {
    const label = labelOfArg(id, 'id');
    return lookupWithFields(label, id, ctx, info, () => ctx.loaders.lookup(label, id));
  },
  editions: (_r, { first }, ctx) => rootList('edition/all', first, ctx),
  edition: (_r, { id }, ctx, info) => {
    const editionId = expectKind(id, 'Edition', 'id')!;
    const readAs = editionProperties(info);
    return lookupWithFields(
      'Edition',
      editionId,
      ctx,
      info,
      () => ctx.loaders.lookup('Edition', editionId, readAs),
      readAs,
    );
  },
  articles: (_r, { first }, ctx) => rootList('article/all', first, ctx),
  talks: (_r, args, ctx, info) =>
    listConnection('talks', listFilter('talks', args.filter ?? {}), args, ctx, info),
  speakers: (_r, args, ctx, info) =>
    listConnection('speakers', listFilter('speakers', args.filter ?? {}), args, ctx, info),
  companies: (_r, args, ctx, info) =>
    listConnection('companies', listFilter('companies', args.filter ?? {}), args, ctx, info),
  projects: (_r, args, ctx, info) =>
    listConnection('projects', listFilter('projects', args.filter ?? {}), args, ctx, info),
};
