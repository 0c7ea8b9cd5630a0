/**
 * Edition fields. Edition.talks pages over the edition's ordered talk ids;
 * companies and projects take an EditionScope (see scope.ts).
 */
import { connectionOf, windowOf } from '../pagination';
import type { EditionResolvers } from '../generated/types';
import { relatedList, sourcesOf } from './shared';
import { byName, scoped } from './scope';
import { talkProperties } from './talk';
import { namedCardStubs, primeCards } from '../cards';
import { NODE_CARDS } from '../../load/plan/cards';
import { listPropertiesAt, NAMED_FIELDS, selectsOnly, type PropertyReads } from '../lookahead';
import { earlyReadAs, isEarlyStub } from '../prefetch';
import type { GraphQLResolveInfo } from 'graphql';

/**
 * The stored properties each Edition field reads (see TALK_PROPERTIES in
 * ./talk.ts): an edition asked by id with its talks is read as only these
 * (Loaders.editionTalksAlong). tests/graphql/node-properties.test.ts holds it
 * to the schema and the table.
 */
export const EDITION_PROPERTIES: PropertyReads = {
  id: ['id'],
  label: ['name'],
  type: ['id'],
  name: ['name'],
  aliases: ['aliases'],
  year: ['year'],
  region: ['region'],
  format: ['format'],
  city: ['city'],
  country: ['country'],
  startDate: ['startDate'],
  endDate: ['endDate'],
  attendees: ['attendees'],
  sources: ['sources'],
  reference: ['reference'],
  // Relationship fields start from the edition's id; its companies by name come from its card.
  talks: ['id'],
  speakers: ['id'],
  companies: ['id', NODE_CARDS.Edition.column],
  projects: ['id'],
  articles: ['id'],
  announcements: ['id'],
  figures: ['id'],
  sponsors: ['id'],
};

/** The properties an edition's selection reads (`edition(id:) { … }`); null when one needs it whole. */
export function editionProperties(info: GraphQLResolveInfo): string[] | null {
  return listPropertiesAt(info, [], EDITION_PROPERTIES, ['id']);
}

export const Edition: EditionResolvers = {
  talks: async (e, { first, after }, ctx, info) => {
    const window = windowOf(first, after);
    // Read as the properties the talks' fields need, never primed into the node loader;
    // their projects or companies asked only by name come from the talks' cards. At
    // 1000× a join to each talk's companies took 17.5 ms, the cards 3.2 ms.
    const properties = talkProperties(info, 'named');
    // Called early for an edition asked by id: the edition is read along (../prefetch.ts).
    const talks = isEarlyStub(e)
      ? await ctx.loaders.editionTalksAlong(properties, e.id, earlyReadAs(e))
      : await ctx.loaders.partialTalks(properties).load(e.id);
    const shown = talks.slice(window.skip, window.skip + window.limit);
    primeCards(ctx.loaders, shown);
    return connectionOf(shown, window, () => talks.length);
  },
  speakers: (e, _a, ctx, info) => relatedList(ctx, info, 'edition/speakers', e.id),
  companies: (e, { scope }, ctx, info) => {
    // Every scope asked only ids and names: the edition's card, read with it (its lookup,
    // edition/all), so the page needs no statement for them (src/load/plan/cards.ts).
    if ((scope ?? 'ALL') === 'ALL' && selectsOnly(info, NAMED_FIELDS)) {
      if (isEarlyStub(e)) return [];
      const card = namedCardStubs(e[NODE_CARDS.Edition.column]);
      if (card) return card;
    }
    return scoped(
      ctx,
      info,
      e.id,
      scope,
      {
        stage: 'edition/companies',
        named: 'edition/coverage-companies',
        all: 'edition/companies-all-scopes',
      },
      byName,
    );
  },
  projects: (e, { scope }, ctx, info) =>
    scoped(
      ctx,
      info,
      e.id,
      scope,
      { stage: 'edition/projects', named: 'edition/coverage-projects', all: 'edition/projects-all-scopes' },
      byName,
    ),
  sponsors: (e, _a, ctx) => ctx.loaders.relatedNodes('edition/sponsors', e.id),
  articles: (e, _a, ctx) => ctx.loaders.relatedNodes('edition/articles', e.id),
  announcements: (e, _a, ctx) => ctx.loaders.relatedNodes('edition/announcements', e.id),
  figures: (e, _a, ctx) => ctx.loaders.relatedNodes('edition/figures', e.id),
  sources: (e) => sourcesOf(e.sources),
};
