/**
 * Company fields, Backing (a company creating, maintaining… a project: also
 * Project.backers, ./project.ts) and Sponsorship (a company exhibiting at an edition).
 */
import type { StoredNode } from '../../store/engine';
import type { Related } from '../../store/repository';
import type { CompanyResolvers } from '../generated/types';
import type { BackingValue } from '../values';
import { optionalString, relatedList, sourcesOf } from './shared';
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

/** A Backing as Company.backs and Project.backers hand it on (ids both ends). */
export function backing(company: StoredNode, project: StoredNode, row: Related): BackingValue {
  return {
    company,
    project,
    kind: String(row.rel?.kind),
    sources: sourcesOf(row.rel?.sources),
    reference: typeof row.rel?.reference === 'string' ? row.rel.reference : null,
  };
}
