/**
 * Talk cards on the read side (what they hold: src/load/plan/cards.ts). A page
 * of talks (Query.talks, Edition.talks) whose speakers are asked only for names
 * and companies' names, or whose projects or companies are asked only for names,
 * reads those talks' cards with the page (talkProperties in resolvers/talk.ts)
 * and primes the loaders the fields would call (`participantNames`,
 * names('talk/project-names'), names('talk/company-names')), so the level below
 * the page needs no statement of its own.
 *
 * A talk without a card (a store loaded before cards, until its next start), with
 * too many rows for one (NO_CARD), or with one this version cannot read, primes
 * nothing: its fields run their batch as before.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { StoredNode } from '../store/engine';
import { stub } from '../store/repository';
import { NODE_CARDS, type NamedCardRow, type ParticipantCardRow } from '../load/plan/cards';
import type { Loaders } from './loaders';
import { NAMED_FIELDS, selectsBeyond, selectsOnlyBelow } from './lookahead';
import { asksAffiliationNames } from './resolvers/person';

/** What a speaker asked only for what a card holds may select: its id and name, its companies', its affiliations' (as stubs). */
const SPEAKER_FIELDS = [...NAMED_FIELDS, 'companies', 'affiliations'];

/**
 * Which cards a talk list may read: `all`, or only the `named` columns (projects'
 * and companies' ids and names, a few dozen bytes a talk), for a list that reads
 * more talks than it shows (Edition.talks reads all of an edition's), where a
 * participants' card, speakers times affiliations, would be read for nothing.
 */
export type CardUse = 'all' | 'named';

/**
 * The stored properties a talk list reads for the cards its selection at `talk`
 * (e.g. ['edges', 'node']) can use: none when it asks more of speakers, projects or companies.
 */
export function cardProperties(
  info: GraphQLResolveInfo | undefined,
  talk: readonly string[],
  use: CardUse = 'all',
): string[] {
  const speakers = [...talk, 'speakers'];
  const properties: string[] = [];
  if (
    use === 'all' &&
    selectsOnlyBelow(info, speakers, SPEAKER_FIELDS) &&
    !selectsBeyond(info, [...speakers, 'companies'], NAMED_FIELDS) &&
    asksAffiliationNames(info, [...speakers, 'affiliations'])
  ) {
    // The edition picks each speaker's company among their affiliations.
    properties.push('participantRows', 'editionId');
  }
  if (selectsOnlyBelow(info, [...talk, 'projects'], NAMED_FIELDS)) properties.push('projectRows');
  if (selectsOnlyBelow(info, [...talk, 'companies'], NAMED_FIELDS)) properties.push('companyRows');
  return properties;
}

/** Primes the loaders from the cards `talks` were read with (cardProperties). */
export function primeCards(loaders: Loaders, talks: readonly StoredNode[]): void {
  for (const talk of talks) {
    const participants = parseRows(talk.participantRows, isParticipantRow);
    if (participants && typeof talk.editionId === 'string') {
      loaders.primeParticipantNames(talk.id, talk.editionId, participants);
    }
    const named = [
      ['talk/project-names', namedCardStubs(talk.projectRows)],
      ['talk/company-names', namedCardStubs(talk.companyRows)],
    ] as const;
    for (const [query, stubs] of named) if (stubs) loaders.names(query).prime(talk.id, stubs);
  }
}

/**
 * The cards of projects and companies (NODE_CARDS in src/load/plan/cards.ts):
 * for each list, the column its nodes hold, the field it answers and the
 * names batch that field would call.
 */
const NODE_LIST_CARDS = {
  projects: { column: NODE_CARDS.Project.column, field: 'companies', query: 'project/company-names' },
  companies: { column: NODE_CARDS.Company.column, field: 'projects', query: 'company/project-names' },
} as const;
type CardedList = keyof typeof NODE_LIST_CARDS;

/**
 * The card a page of projects or companies reads with its nodes: its column,
 * when the page asks that field (Project.companies, Company.projects) only by
 * ids and names; none otherwise.
 */
export function nodeCardProperties(list: string, info: GraphQLResolveInfo | undefined): string[] {
  const card = NODE_LIST_CARDS[list as CardedList];
  return card && selectsOnlyBelow(info, ['edges', 'node', card.field], NAMED_FIELDS) ? [card.column] : [];
}

/** Primes the names batch a project's or company's card answers, for each of `nodes` read with one. */
export function primeNodeCards(loaders: Loaders, list: string, nodes: readonly StoredNode[]): void {
  const card = NODE_LIST_CARDS[list as CardedList];
  if (!card) return;
  for (const node of nodes) {
    const stubs = namedCardStubs(node[card.column]);
    if (stubs) loaders.names(card.query).prime(node.id, stubs);
  }
}

/** A card of ids and names as id-and-name stubs, in card order; undefined when `text` is not one. */
export function namedCardStubs(text: unknown): StoredNode[] | undefined {
  return parseRows(text, isNamedRow)?.map(([id, name]) => stub(id, name));
}

/**
 * Cards read lately, by their text, for each kind of row. A page served from
 * the talks' stored first page (src/store/talk-heads.ts) hands every request
 * the same card texts, and parsing them again was 3–4 % of the uncached
 * dashboard page's main thread. The rows are frozen (requests share them);
 * a text that is not a card is kept as `false`. Bounded by count and by the
 * texts' length.
 */
const readCards = new Map<(row: unknown) => boolean, LRUCache<string, readonly unknown[] | false>>();

function cardsOf(isRow: (row: unknown) => boolean): LRUCache<string, readonly unknown[] | false> {
  let cache = readCards.get(isRow);
  if (!cache) {
    cache = new LRUCache({
      max: 4_000,
      maxSize: 4 * 1024 * 1024,
      sizeCalculation: (_, text) => text.length + 1,
    });
    readCards.set(isRow, cache);
  }
  return cache;
}

/** The rows a card holds; undefined when there is no card or it is not one (never trusted blindly). */
function parseRows<T>(text: unknown, isRow: (row: unknown) => row is T): readonly T[] | undefined {
  if (typeof text !== 'string') return undefined;
  const cache = cardsOf(isRow);
  let rows = cache.get(text) as readonly T[] | false | undefined;
  if (rows === undefined) {
    rows = parsedRows(text, isRow) ?? false;
    cache.set(text, rows);
  }
  return rows === false ? undefined : rows;
}

function parsedRows<T>(text: string, isRow: (row: unknown) => row is T): readonly T[] | undefined {
  try {
    const rows: unknown = JSON.parse(text);
    if (!Array.isArray(rows) || !rows.every(isRow)) return undefined;
    for (const row of rows) if (typeof row === 'object' && row !== null) Object.freeze(row);
    return Object.freeze(rows);
  } catch {
    return undefined;
  }
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

function isParticipantRow(row: unknown): row is ParticipantCardRow {
  return Array.isArray(row) && row.length === 6 && isText(row[0]) && row.slice(1).every(isTextOrNull);
}

function isNamedRow(row: unknown): row is NamedCardRow {
  return Array.isArray(row) && row.length === 2 && isText(row[0]) && isTextOrNull(row[1]);
}
