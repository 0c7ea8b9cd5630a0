/** Talk fields, and Participation (a person on stage, with their affiliation at that edition). */
import type { StoredNode } from '../../store/engine';
import type { ParticipantRole, ParticipationResolvers, TalkResolvers } from '../generated/types';
import { optionalString, required, sourcesOf } from './shared';

export const Talk: TalkResolvers = {
  edition: async (t, _a, ctx) => required(await ctx.loaders.relatedOne('talk/edition', t.id), t, 'edition'),
  // speakers and participants share one batch query.
  speakers: (t, _a, ctx) => ctx.loaders.relatedNodes('talk/participants', t.id),
  participants: (t, _a, ctx) => ctx.loaders.related('talk/participants').load(t.id),
  companies: (t, _a, ctx) => ctx.loaders.relatedNodes('talk/companies', t.id),
  projects: (t, _a, ctx) => ctx.loaders.relatedNodes('talk/projects', t.id),
  mentionedCompanies: (t, _a, ctx) => ctx.loaders.relatedNodes('talk/mentioned-companies', t.id),
  sources: (t) => sourcesOf(t.sources),
};

export const Participation: ParticipationResolvers = {
  person: (p) => p.node,
  // The loader only stores the schema's roles; GraphQL's enum serialisation rejects anything else.
  role: (p) => p.rel?.role as ParticipantRole,
  company: (p) => (p.company as StoredNode | null | undefined) ?? null,
  jobTitle: (p) => optionalString(p.jobTitle),
  sources: (p) => sourcesOf(p.rel?.sources),
};
