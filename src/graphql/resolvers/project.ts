/** Project fields; a Backing is built as Company.backs builds it (./company.ts). */
import type { ProjectResolvers } from '../generated/types';
import type { PropertyReads } from '../lookahead';
import { byYear, scoped } from './scope';
import { relatedList } from './shared';
import { backing } from './company';

/** The stored properties each Project field reads; null where the project itself is handed on (a Backing's project). */
export const PROJECT_PROPERTIES: PropertyReads = {
  id: ['id'],
  name: ['name'],
  label: ['name'],
  type: ['id'],
  aliases: ['aliases'],
  cncf: ['cncf'],
  maturity: ['maturity'],
  homepage: ['homepage'],
  description: ['description'],
  talks: ['id'],
  companies: ['id'],
  editions: ['id'],
  announcements: ['id'],
  backers: null,
};

export const Project: ProjectResolvers = {
  talks: (p, _a, ctx) => ctx.loaders.relatedNodes('project/talks', p.id),
  companies: (p, _a, ctx, info) => relatedList(ctx, info, 'project/companies', p.id),
  editions: (p, { scope }, ctx, info) =>
    scoped(
      ctx,
      info,
      p.id,
      scope,
      { stage: 'project/editions', named: 'project/coverage-editions', all: 'project/editions-all-scopes' },
      byYear,
    ),
  announcements: (p, _a, ctx) => ctx.loaders.relatedNodes('project/announcements', p.id),
  backers: async (p, _a, ctx) =>
    (await ctx.loaders.related('project/backers').load(p.id)).map((r) => backing(r.node, p, r)),
};
