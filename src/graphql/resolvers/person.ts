/** Person fields, and Affiliation (a company at an edition, with provenance). */
import type { AffiliationResolvers, PersonResolvers } from '../generated/types';
import { optionalString, relatedList, sourcesOf } from './shared';
import type { GraphQLResolveInfo } from 'graphql';
import { NAMED_FIELDS, selectsBeyond, selectsOnly, type PropertyReads } from '../lookahead';
import type { StoredNode } from '../../store/engine';

/**
 * The stored properties each Person field reads (see TALK_PROPERTIES in ./talk.ts):
 * a speaker list asked only these fields reads just those columns.
 * tests/graphql/node-properties.test.ts holds it to the schema and the table.
 */
export const PERSON_PROPERTIES: PropertyReads = {
  id: ['id'],
  name: ['name'],
  label: ['name'],
  type: ['id'],
  aliases: ['aliases'],
  // Relationship fields start from the person's id.
  talks: ['id'],
  affiliations: ['id'],
  companies: ['id'],
  projects: ['id'],
};

/**
 * True when affiliations at `path` (where the field being resolved sits: []) are
 * asked only what an affiliation stub holds (Loaders.affiliationNames): their
 * companies' ids and names and their editions' ids.
 */
export function asksAffiliationNames(info: GraphQLResolveInfo | undefined, path: readonly string[]): boolean {
  const only =
    path.length === 0
      ? selectsOnly(info, ['company', 'edition'])
      : !selectsBeyond(info, path, ['company', 'edition']);
  return (
    only &&
    !selectsBeyond(info, [...path, 'company'], NAMED_FIELDS) &&
    !selectsBeyond(info, [...path, 'edition'], ['id'])
  );
}

export const Person: PersonResolvers = {
  talks: (p, _a, ctx) => ctx.loaders.relatedNodes('person/talks', p.id),
  // Stubs when that is all the selection asks (primed by talk cards), whole companies otherwise.
  affiliations: (p, _a, ctx, info) =>
    asksAffiliationNames(info, [])
      ? ctx.loaders.affiliationNames.load(p.id)
      : ctx.loaders.related('person/affiliations').load(p.id),
  companies: (p, _a, ctx, info) => relatedList(ctx, info, 'person/companies', p.id),
  projects: (p, _a, ctx, info) => relatedList(ctx, info, 'person/projects', p.id),
};

export const Affiliation: AffiliationResolvers = {
  company: (a) => a.node,
  jobTitle: (a) => optionalString(a.rel?.jobTitle),
  edition: (a, _args, ctx, info) => {
    const editionId = a.rel?.editionId;
    if (typeof editionId !== 'string') return null;
    // The affiliation holds its edition's id (the loader checks it names an edition):
    // an edition asked only by id needs no statement. Never primed into a loader.
    if (selectsOnly(info, ['id'])) return { __label: 'Edition', id: editionId } as StoredNode;
    return ctx.loaders.node('Edition').load(editionId);
  },
  sources: (a) => sourcesOf(a.rel?.sources),
};
