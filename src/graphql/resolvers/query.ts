/** Root query fields: lookups by id, whole lists, and the filtered, paginated connections. */
import type { Params } from '../../store/engine';
import type { ListName } from '../../store/repository';
import { listFilter } from '../filters';
import { connectionOf, windowOf, type Connection } from '../pagination';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import type { InputMaybe, QueryResolvers } from '../generated/types';
import { selects } from '../lookahead';
import { talkProperties } from './talk';
import { expectKind, labelOfArg } from './shared';

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
  const counted = list === 'talks' && selects(info, ['totalCount']);
  const withEditions = list === 'talks' && selects(info, ['edges', 'node', 'edition']);
  // Talks are read as the properties their fields need.
  const properties = list === 'talks' ? talkProperties(info) : undefined;
  const page = await ctx.repo.pageRows(
    list,
    filter,
    { sort: window.order, skip: window.skip, limit: window.limit },
    { counted, withEditions, properties },
  );
  // Partial talks are never primed: a node loader must not answer another field with one.
  if (list !== 'talks') ctx.loaders.prime(page.nodes);
  page.nodes.forEach((node, i) => {
    const edition = page.editions[i];
    if (edition) ctx.loaders.related('talk/edition').prime(node.id, [{ node: edition }]);
  });
  const total = page.total;
  return connectionOf(page.nodes, window, () => total ?? ctx.repo.count(list, filter));
}

export const Query: QueryResolvers = {
  node: (_r, { id }, ctx) => ctx.loaders.node(labelOfArg(id, 'id')).load(id),
  editions: async (_r, _a, ctx) => {
    const nodes = await ctx.repo.all('edition/all');
    ctx.loaders.prime(nodes);
    return nodes;
  },
  edition: (_r, { id }, ctx) => ctx.loaders.node('Edition').load(expectKind(id, 'Edition', 'id')!),
  articles: async (_r, _a, ctx) => {
    const nodes = await ctx.repo.all('article/all');
    ctx.loaders.prime(nodes);
    return nodes;
  },
  talks: (_r, args, ctx, info) =>
    listConnection('talks', listFilter('talks', args.filter ?? {}), args, ctx, info),
  speakers: (_r, args, ctx, info) =>
    listConnection('speakers', listFilter('speakers', args.filter ?? {}), args, ctx, info),
  companies: (_r, args, ctx, info) =>
    listConnection('companies', listFilter('companies', args.filter ?? {}), args, ctx, info),
  projects: (_r, args, ctx, info) =>
    listConnection('projects', listFilter('projects', args.filter ?? {}), args, ctx, info),
};
