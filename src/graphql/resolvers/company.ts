/**
 * Company and Project fields, Backing (a company creating, maintaining… a
 * project) and Sponsorship (a company exhibiting at an edition).
 */
import type { StoredNode } from '../../store/engine';
import type { Related } from '../../store/repository';
import type { CompanyResolvers, ProjectResolvers } from '../generated/types';
import type { BackingValue } from '../values';
import { optionalString, relatedList, sourcesOf } from './shared';
import { byYear, scoped } from './scope';
import type { PropertyReads } from '../lookahead';

/**
 * The stored properties each Company field reads (see TALK_PROPERTIES in ./talk.ts);
 * null where the company itself is handed on (a Backing's or a Sponsorship's
 * company), which needs it whole. tests/graphql/node-properties.test.ts holds it
 * to the schema and the table.
 */
export const COMPANY_PROPERTIES: PropertyReads = {
  id: ['id'],
  name: ['name'],
  label: ['name'],
  type: ['id'],
  aliases: ['aliases'],
  homepage: ['homepage'],
  people: ['id'],
  talks: ['id'],
  projects: ['id'],
  editions: ['id'],
  backs: null,
  sponsorships: null,
};

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

export const Company: CompanyResolvers = {
  people: (c, _a, ctx, info) => relatedList(ctx, info, 'company/people', c.id),
  talks: (c, _a, ctx) => ctx.loaders.relatedNodes('company/talks', c.id),
  projects: (c, _a, ctx, info) => relatedList(ctx, info, 'company/projects', c.id),
  editions: (c, _a, ctx) => ctx.loaders.relatedNodes('company/editions', c.id),
  backs: async (c, _a, ctx) =>
    (await ctx.loaders.related('company/backs').load(c.id)).map((r) => backing(c, r.node, r)),
  sponsorships: async (c, _a, ctx) =>
    (await ctx.loaders.related('company/sponsorships').load(c.id)).map((r) => ({
      company: c,
      edition: r.node,
      tier: optionalString(r.rel?.tier),
      booth: optionalString(r.rel?.booth),
      sources: sourcesOf(r.rel?.sources),
      reference: optionalString(r.rel?.reference),
    })),
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

function backing(company: StoredNode, project: StoredNode, row: Related): BackingValue {
  return {
    company,
    project,
    kind: String(row.rel?.kind),
    sources: sourcesOf(row.rel?.sources),
    reference: typeof row.rel?.reference === 'string' ? row.rel.reference : null,
  };
}
