/**
 * List filters as the store takes them, built from user input once for both
 * front doors: GraphQL arguments (resolvers/query.ts) and export query
 * strings (server/export.ts). Ids are checked for their kind; text filters
 * are folded so that case and accents never matter. An empty id is refused
 * from GraphQL, like any id that is not one; in a query string (`?editionId=`)
 * it is no filter, as the README documents for exports.
 */
import type { Params } from '../store/engine';
import type { ListName } from '../store/repository';
import { BadInputError } from '../errors';
import { fold } from '../text';
import { expectKind } from './resolvers/shared';

type Input = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Longer than any name or title in the graph; bounds the folding and CONTAINS work per row. */
export const MAX_CONTAINS_CHARS = 200;

function contains(value: unknown, name: string): string | null {
  if (typeof value !== 'string') return null;
  if (value.length > MAX_CONTAINS_CHARS) {
    throw new BadInputError(
      `${name} must be at most ${MAX_CONTAINS_CHARS} characters (got ${value.length})`,
      {
        argument: name,
      },
    );
  }
  const folded = fold(value);
  return folded === '' ? null : folded;
}

function oneOf(value: unknown, allowed: readonly string[], name: string): string | null {
  const v = str(value);
  if (v !== null && !allowed.includes(v))
    throw new BadInputError(`${name} must be one of ${allowed.join(', ')} (got ${v})`, { argument: name });
  return v;
}

function bool(value: unknown, name: string): boolean | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new BadInputError(`${name} must be true or false (got ${String(value)})`, { argument: name });
}

const TALK_KINDS = ['KEYNOTE', 'TALK', 'PANEL', 'LIGHTNING_TALK', 'WORKSHOP', 'OTHER'];
const MATURITIES = ['SANDBOX', 'INCUBATING', 'GRADUATED', 'ARCHIVED'];

/**
 * The store filter for a list, from GraphQL input (arguments named `filter.<key>`
 * in errors) or from an export's query string (named `<key>`; an empty id there
 * is no filter).
 */
export function listFilter(list: ListName, f: Input, source: 'graphql' | 'query-string' = 'graphql'): Params {
  const prefix = source === 'graphql' ? 'filter.' : '';
  const id = (key: string, label: Parameters<typeof expectKind>[1]) => {
    const value = f[key];
    // From GraphQL an empty string reaches expectKind, which refuses it as not an id.
    const given = source === 'query-string' ? str(value) : typeof value === 'string' ? value : null;
    return expectKind(given, label, `${prefix}${key}`);
  };
  switch (list) {
    case 'talks':
      return {
        editionId: id('editionId', 'Edition'),
        kind: oneOf(f.kind, TALK_KINDS, `${prefix}kind`),
        speakerId: id('speakerId', 'Person'),
        companyId: id('companyId', 'Company'),
        projectId: id('projectId', 'Project'),
        titleContains: contains(f.titleContains, `${prefix}titleContains`),
      };
    case 'speakers':
      return {
        nameContains: contains(f.nameContains, `${prefix}nameContains`),
        companyId: id('companyId', 'Company'),
        editionId: id('editionId', 'Edition'),
      };
    case 'companies':
      return {
        nameContains: contains(f.nameContains, `${prefix}nameContains`),
        editionId: id('editionId', 'Edition'),
      };
    case 'projects':
      return {
        nameContains: contains(f.nameContains, `${prefix}nameContains`),
        maturity: oneOf(f.maturity, MATURITIES, `${prefix}maturity`),
        cncf: bool(f.cncf, `${prefix}cncf`),
        editionId: id('editionId', 'Edition'),
      };
  }
}
