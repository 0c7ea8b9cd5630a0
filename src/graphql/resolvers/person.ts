/** Person fields, and Affiliation (a company at an edition, with provenance). */
import type { Related } from '../../store/repository';
import { sourcesOf } from './shared';
import type { TypeResolvers } from './types';

export const Person: TypeResolvers = {
  talks: (p, _a, ctx) => ctx.loaders.relatedNodes('person/talks', p.id),
  affiliations: (p, _a, ctx) => ctx.loaders.related('person/affiliations').load(p.id),
  companies: (p, _a, ctx) => ctx.loaders.relatedNodes('person/companies', p.id),
  projects: (p, _a, ctx) => ctx.loaders.relatedNodes('person/projects', p.id),
};

export const Affiliation: TypeResolvers<Related> = {
  company: (a) => a.node,
  jobTitle: (a) => a.rel?.jobTitle ?? null,
  edition: (a, _args, ctx) => {
    const editionId = a.rel?.editionId;
    return typeof editionId === 'string' ? ctx.loaders.node('Edition').load(editionId) : null;
  },
  sources: (a) => sourcesOf(a.rel?.sources),
};
