/** Root query fields: lookups by id, whole lists, and the filtered, paginated connections. */
import type { Params } from '../../store/engine';
import type { ListName } from '../../store/repository';
import { fold } from '../../text';
import { connectionOf, windowOf } from '../pagination';
import type { Context } from '../context';
import { expectKind, labelOfArg } from './shared';
import type { Args, Resolver } from './types';

/** Runs a list query for one window; totalCount is a separate count query, run only if asked for. */
async function listConnection(list: ListName, filter: Params, args: Args, ctx: Context) {
  const window = windowOf(args.first, args.after);
  const nodes = await ctx.repo.page(list, filter, window.skip, window.limit);
  ctx.loaders.prime(nodes);
  return connectionOf(nodes, window, () => ctx.repo.count(list, filter));
}

/** `nameContains` / `titleContains` match the folded search text: case and accents ignored. */
function contains(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const folded = fold(value);
  return folded === '' ? null : folded;
}

export const Query: Record<string, Resolver<unknown>> = {
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
  talks: (_r, args, ctx) => {
    const f = args.filter ?? {};
    return listConnection(
      'talks',
      {
        editionId: expectKind(f.editionId, 'Edition', 'filter.editionId'),
        kind: f.kind ?? null,
        speakerId: expectKind(f.speakerId, 'Person', 'filter.speakerId'),
        companyId: expectKind(f.companyId, 'Company', 'filter.companyId'),
        projectId: expectKind(f.projectId, 'Project', 'filter.projectId'),
        titleContains: contains(f.titleContains),
      },
      args,
      ctx,
    );
  },
  speakers: (_r, args, ctx) => {
    const f = args.filter ?? {};
    return listConnection(
      'speakers',
      {
        nameContains: contains(f.nameContains),
        companyId: expectKind(f.companyId, 'Company', 'filter.companyId'),
        editionId: expectKind(f.editionId, 'Edition', 'filter.editionId'),
      },
      args,
      ctx,
    );
  },
  companies: (_r, args, ctx) => {
    const f = args.filter ?? {};
    return listConnection(
      'companies',
      {
        nameContains: contains(f.nameContains),
        editionId: expectKind(f.editionId, 'Edition', 'filter.editionId'),
      },
      args,
      ctx,
    );
  },
  projects: (_r, args, ctx) => {
    const f = args.filter ?? {};
    return listConnection(
      'projects',
      {
        nameContains: contains(f.nameContains),
        maturity: f.maturity ?? null,
        cncf: typeof f.cncf === 'boolean' ? f.cncf : null,
        editionId: expectKind(f.editionId, 'Edition', 'filter.editionId'),
      },
      args,
      ctx,
    );
  },
};
