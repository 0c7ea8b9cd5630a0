/**
 * Company and Project fields, Backing (a company creating, maintaining… a
 * project) and Sponsorship (a company exhibiting at an edition).
 */
import type { StoredNode } from '../../store/engine';
import type { Related } from '../../store/repository';
import { sourcesOf } from './shared';
import { byYear, scoped } from './scope';
import type { TypeResolvers } from './types';

export const Company: TypeResolvers = {
  people: (c, _a, ctx) => ctx.loaders.relatedNodes('company/people', c.id),
  talks: (c, _a, ctx) => ctx.loaders.relatedNodes('company/talks', c.id),
  projects: (c, _a, ctx) => ctx.loaders.relatedNodes('company/projects', c.id),
  editions: (c, _a, ctx) => ctx.loaders.relatedNodes('company/editions', c.id),
  backs: async (c, _a, ctx) =>
    (await ctx.loaders.related('company/backs').load(c.id)).map((r) => backing(c, r.node, r)),
  sponsorships: async (c, _a, ctx) =>
    (await ctx.loaders.related('company/sponsorships').load(c.id)).map((r) => ({
      company: c,
      edition: r.node,
      tier: r.rel?.tier ?? null,
      booth: r.rel?.booth ?? null,
      sources: sourcesOf(r.rel?.sources),
      reference: r.rel?.reference ?? null,
    })),
};

export const Project: TypeResolvers = {
  talks: (p, _a, ctx) => ctx.loaders.relatedNodes('project/talks', p.id),
  companies: (p, _a, ctx) => ctx.loaders.relatedNodes('project/companies', p.id),
  editions: (p, { scope }, ctx) =>
    scoped(
      ctx,
      p.id,
      scope,
      { stage: 'project/editions', named: 'project/coverage-editions', all: 'project/editions-all-scopes' },
      byYear,
    ),
  announcements: (p, _a, ctx) => ctx.loaders.relatedNodes('project/announcements', p.id),
  backers: async (p, _a, ctx) =>
    (await ctx.loaders.related('project/backers').load(p.id)).map((r) => backing(r.node, p, r)),
};

interface BackingValue {
  company: StoredNode;
  project: StoredNode;
  kind: unknown;
  sources: ReturnType<typeof sourcesOf>;
  reference: unknown;
}

function backing(company: StoredNode, project: StoredNode, row: Related): BackingValue {
  return {
    company,
    project,
    kind: row.rel?.kind,
    sources: sourcesOf(row.rel?.sources),
    reference: row.rel?.reference ?? null,
  };
}
