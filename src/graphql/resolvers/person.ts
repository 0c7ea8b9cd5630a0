/** Person fields, and Affiliation (a company at an edition, with provenance). */
import type { AffiliationResolvers, PersonResolvers } from '../generated/types';
import { optionalString, sourcesOf } from './shared';

export const Person: PersonResolvers = {
  talks: (p, _a, ctx) => ctx.loaders.relatedNodes('person/talks', p.id),
  affiliations: (p, _a, ctx) => ctx.loaders.related('person/affiliations').load(p.id),
  companies: (p, _a, ctx) => ctx.loaders.relatedNodes('person/companies', p.id),
  projects: (p, _a, ctx) => ctx.loaders.relatedNodes('person/projects', p.id),
};

export const Affiliation: AffiliationResolvers = {
  company: (a) => a.node,
  jobTitle: (a) => optionalString(a.rel?.jobTitle),
  edition: (a, _args, ctx) => {
    const editionId = a.rel?.editionId;
    return typeof editionId === 'string' ? ctx.loaders.node('Edition').load(editionId) : null;
  },
  sources: (a) => sourcesOf(a.rel?.sources),
};
