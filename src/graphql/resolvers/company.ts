/** Company and Project fields, and Backing (a company creating, maintaining… a project). */
import type { StoredNode } from '../../store/engine';
import type { Related } from '../../store/repository';
import type { CompanyResolvers, ProjectResolvers } from '../generated/types';
import type { BackingValue } from '../values';
import { sourcesOf } from './shared';

export const Company: CompanyResolvers = {
  people: (c, _a, ctx) => ctx.loaders.relatedNodes('company/people', c.id),
  talks: (c, _a, ctx) => ctx.loaders.relatedNodes('company/talks', c.id),
  projects: (c, _a, ctx) => ctx.loaders.relatedNodes('company/projects', c.id),
  editions: (c, _a, ctx) => ctx.loaders.relatedNodes('company/editions', c.id),
  backs: async (c, _a, ctx) =>
    (await ctx.loaders.related('company/backs').load(c.id)).map((r) => backing(c, r.node, r)),
};

export const Project: ProjectResolvers = {
  talks: (p, _a, ctx) => ctx.loaders.relatedNodes('project/talks', p.id),
  companies: (p, _a, ctx) => ctx.loaders.relatedNodes('project/companies', p.id),
  editions: (p, _a, ctx) => ctx.loaders.relatedNodes('project/editions', p.id),
  announcements: (p, _a, ctx) => ctx.loaders.relatedNodes('project/announcements', p.id),
  backers: async (p, _a, ctx) =>
    (await ctx.loaders.related('project/backers').load(p.id)).map((r) => backing(r.node, p, r)),
};

function backing(company: StoredNode, project: StoredNode, row: Related): BackingValue {
  return {
    company,
    project,
    kind: String(row.rel?.kind),
    sources: sourcesOf(row.rel?.sources),
    reference: typeof row.rel?.reference === 'string' ? row.rel.reference : null,
  };
}
