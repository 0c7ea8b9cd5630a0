/** Root query fields: lookups by id, whole lists, and the filtered, paginated connections. */
import type { Params } from '../../store/engine';
import type { ListName } from '../../store/repository';
import { listFilter } from '../filters';
import { connectionOf, windowOf, type Connection } from '../pagination';
import type { Context } from '../context';
import type { InputMaybe, QueryResolvers } from '../generated/types';
import { expectKind, labelOfArg } from './shared';

/** `first` and `orderBy` have SDL defaults, but a client may still send an explicit null. */
interface ListArgs {
  first?: InputMaybe<number>;
  after?: InputMaybe<string>;
  orderBy?: InputMaybe<string>;
}

/** Runs a list query for one window; totalCount is a separate count query, run only if asked for. */
async function listConnection(
  list: ListName,
  filter: Params,
  args: ListArgs,
  ctx: Context,
): Promise<Connection> {
  const order = args.orderBy ?? (list === 'talks' ? 'NEWEST' : 'NAME');
  const window = windowOf(args.first, args.after, order);
  const nodes = await ctx.repo.page(list, filter, window.order, window.skip, window.limit);
  ctx.loaders.prime(nodes);
  return connectionOf(nodes, window, () => ctx.repo.count(list, filter));
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
  talks: (_r, args, ctx) => listConnection('talks', listFilter('talks', args.filter ?? {}), args, ctx),
  speakers: (_r, args, ctx) =>
    listConnection('speakers', listFilter('speakers', args.filter ?? {}), args, ctx),
  companies: (_r, args, ctx) =>
    listConnection('companies', listFilter('companies', args.filter ?? {}), args, ctx),
  projects: (_r, args, ctx) =>
    listConnection('projects', listFilter('projects', args.filter ?? {}), args, ctx),
};
