/** Talk fields, and Participation (a person on stage, with their affiliation at that edition). */
import type { StoredNode } from '../../store/engine';
import type { ParticipantRole, ParticipationResolvers, TalkResolvers } from '../generated/types';
import { optionalString, relatedList, required, sourcesOf } from './shared';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { listPropertiesAt, NAMED_FIELDS, selects, selectsBeyond, selectsOnly } from '../lookahead';
import { uniqueNodes } from '../loaders';
import { cardProperties, type CardUse } from '../cards';
import { asksAffiliationNames } from './person';
import type { Related } from '../../store/repository';

/**
 * A talk's participants (Talk.speakers and Talk.participants) from the one
 * batch that holds what the selection asks: names only, or with each person's
 * companies or affiliations fetched in the same statement (look-ahead), or the
 * plain relationship batch. `personPath` is where the person sits in the selection.
 */
function participants(
  talkId: string,
  ctx: Context,
  info: GraphQLResolveInfo | undefined,
  personPath: readonly string[],
): Promise<Related[]> {
  if (namesOnly(info, personPath)) return ctx.loaders.participantNames.load(talkId);
  const affiliations = [...personPath, 'affiliations'];
  // Only an affiliation's edition asked beyond its id needs the edition nodes
  // that talk/participants-people joins (twice the time of the statement below).
  if (selectsBeyond(info, [...affiliations, 'edition'], ['id'])) {
    return ctx.loaders.participantsWithPeople.load(talkId);
  }
  if (selects(info, affiliations) || selects(info, [...personPath, 'companies'])) {
    return ctx.loaders.participantsWithCompanies.load(talkId);
  }
  return ctx.loaders.related('talk/participants').load(talkId);
}

/**
 * True when participants are asked only for what talk/participant-names holds:
 * roles, and people and their companies by id and name (NAMED_FIELDS), their
 * affiliations as companies by id and name with the editions' ids.
 */
function namesOnly(info: GraphQLResolveInfo | undefined, personPath: readonly string[]): boolean {
  if (!asksAffiliationNames(info, [...personPath, 'affiliations'])) return false;
  const personFields = [...NAMED_FIELDS, 'companies', 'affiliations'];
  const people =
    personPath.length === 0
      ? selectsOnly(info, personFields)
      : selectsOnly(info, ['person', 'role', 'company']) &&
        !selectsBeyond(info, personPath, personFields) &&
        !selectsBeyond(info, ['company'], NAMED_FIELDS);
  return people && !selectsBeyond(info, [...personPath, 'companies'], NAMED_FIELDS);
}

/**
 * The stored properties each Talk field reads, besides the id every talk carries.
 * A talk list whose talks are asked only fields listed here reads just those
 * columns (propertiesAt in ../lookahead.ts, `projected` in store/queries.ts):
 * Kuzu reads a whole column for every property a statement returns. Every field of
 * the schema's Talk type must be listed (tests/graphql/node-properties.test.ts).
 */
export const TALK_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  id: ['id'],
  title: ['title'],
  label: ['title'],
  type: ['id'],
  originalTitle: ['originalTitle'],
  kind: ['kind'],
  day: ['day'],
  summary: ['summary'],
  sources: ['sources'],
  colocatedEvent: ['colocatedEvent'],
  // Relationship fields start from the talk's id.
  edition: ['id'],
  speakers: ['id'],
  participants: ['id'],
  companies: ['id'],
  projects: ['id'],
  mentionedCompanies: ['id'],
};

/** Every property a Talk field reads: what a talk list reads when its selection is not known. */
const ALL_TALK_PROPERTIES = [...new Set(Object.values(TALK_PROPERTIES).flat())].sort();

/**
 * The properties a talk connection reads for the talks its selection asks
 * (`edges { node { … } }`), every property a Talk field reads when that is not
 * known, and, with `cards`, the talk cards the selection can use (../cards.ts),
 * which the caller primes from the talks it shows.
 */
export function talkProperties(info: GraphQLResolveInfo | undefined, cards?: CardUse): string[] {
  const fields = listPropertiesAt(info, ['edges', 'node'], TALK_PROPERTIES, ['id']) ?? ALL_TALK_PROPERTIES;
  const read = cards ? cardProperties(info, ['edges', 'node'], cards) : [];
  return read.length ? [...new Set([...fields, ...read])].sort() : fields;
}

/**
 * Talks by the ids a stored row lists (CompanyProjectLink.talks, from a link's
 * stored facts), absent ones left out, read as the properties their selection needs when that is
 * known: at 1000× a link's talks asked only titles took 105 ms read whole. With
 * `titles` (stored with the ids, in their order: src/load/link-heads.ts), talks
 * asked only ids and titles are those, with no statement.
 */
export async function talksByIds(
  ctx: Context,
  info: GraphQLResolveInfo,
  ids: readonly string[],
  titles?: readonly (string | null)[],
): Promise<StoredNode[]> {
  const properties = listPropertiesAt(info, [], TALK_PROPERTIES, ['id']);
  if (titles && properties?.every((p) => p === 'id' || p === 'title')) {
    // Partial talks, never primed into a loader.
    return ids.map((id, i) => ({ __label: 'Talk', id, title: titles[i] ?? null }));
  }
  const loader = properties ? ctx.loaders.talksAs(properties) : ctx.loaders.node('Talk');
  const talks = await Promise.all([...ids].map((id) => loader.load(id)));
  return talks.filter((t): t is StoredNode => t !== null);
}

export const Talk: TalkResolvers = {
  // An edition asked only for its id and name is a stub from the names batch (primed by talk pages).
  edition: async (t, _a, ctx, info) =>
    required((await relatedList(ctx, info, 'talk/edition', t.id))[0] ?? null, t, 'edition'),
  // speakers and participants share participants()'s batches (above: it picks the look-ahead variant).
  speakers: async (t, _a, ctx, info) =>
    uniqueNodes((await participants(t.id, ctx, info, [])).map((p) => p.node)),
  participants: (t, _a, ctx, info) => participants(t.id, ctx, info, ['person']),
  companies: (t, _a, ctx, info) => relatedList(ctx, info, 'talk/companies', t.id),
  projects: (t, _a, ctx, info) => relatedList(ctx, info, 'talk/projects', t.id),
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
