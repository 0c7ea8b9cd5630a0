/** Talk fields, and Participation (a person on stage, with their affiliation at that edition). */
import type { StoredNode, StoredRel } from '../../store/engine';
import type { Related } from '../../store/repository';
import { sourcesOf } from './shared';
import type { TypeResolvers } from './types';

export const Talk: TypeResolvers = {
  edition: (t, _a, ctx) => ctx.loaders.relatedOne('talk/edition', t.id),
  // speakers and participants share one batch query.
  speakers: (t, _a, ctx) => ctx.loaders.relatedNodes('talk/participants', t.id),
  participants: (t, _a, ctx) => ctx.loaders.related('talk/participants').load(t.id),
  companies: (t, _a, ctx) => ctx.loaders.relatedNodes('talk/companies', t.id),
  projects: (t, _a, ctx) => ctx.loaders.relatedNodes('talk/projects', t.id),
  mentionedCompanies: (t, _a, ctx) => ctx.loaders.relatedNodes('talk/mentioned-companies', t.id),
  sources: (t) => sourcesOf(t.sources),
};

export const Participation: TypeResolvers<Related> = {
  person: (p) => p.node,
  role: (p) => (p.rel as StoredRel).role,
  company: (p) => (p.company as StoredNode | null) ?? null,
  jobTitle: (p) => p.jobTitle ?? null,
  sources: (p) => sourcesOf(p.rel?.sources),
};
