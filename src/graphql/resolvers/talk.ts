/** Talk fields, and Participation (a person on stage, with their affiliation at that edition). */
import type { StoredNode, StoredRel } from '../../store/engine';
import type { Related } from '../../store/repository';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { selects } from '../lookahead';
import { uniqueNodes } from '../loaders';
import { sourcesOf } from './shared';
import type { TypeResolvers } from './types';

function participants(
  talkId: string,
  ctx: Context,
  info: GraphQLResolveInfo | undefined,
  personPath: readonly string[],
): Promise<Related[]> {
  const lookAhead =
    selects(info, [...personPath, 'companies']) || selects(info, [...personPath, 'affiliations']);
  return lookAhead
    ? ctx.loaders.participantsWithPeople.load(talkId)
    : ctx.loaders.related('talk/participants').load(talkId);
}

export const Talk: TypeResolvers = {
  edition: (t, _a, ctx) => ctx.loaders.relatedOne('talk/edition', t.id),
  // speakers and participants share one batch query; when the query also asks
  // for the people's companies or affiliations, a look-ahead variant fetches
  // those in the same statement (loaders.participantsWithPeople).
  speakers: async (t, _a, ctx, info) =>
    uniqueNodes((await participants(t.id, ctx, info, [])).map((p) => p.node)),
  participants: (t, _a, ctx, info) => participants(t.id, ctx, info, ['person']),
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
