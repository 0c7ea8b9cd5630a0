/**
 * Reading the talks' stored first pages (written by src/load/heads.ts, which
 * says why they exist): which pages one can answer, and the page it gives.
 *
 * A stored page holds, for each of its talks, one JSON text (HeadTalk): every
 * stored property a Talk field reads (HEAD_PROPERTIES, the talk cards
 * included, whose companies' column answers Talk.companies' names) and the
 * talk's edition as id and name. So a first page asking any of a talk's own
 * fields, its edition's name or its companies' names (issue #9's wide talks
 * page) is one primary-key lookup.
 */
import type { Row } from './engine';
import { isNamedPair, isText, storedObject } from './stored-json';

/** Talks a stored page holds: the largest page Query.talks gives (MAX_PAGE_SIZE). */
export const HEAD_SIZE = 100;

/**
 * The talk properties a stored page holds: every one a Talk field reads
 * (TALK_PROPERTIES in src/graphql/resolvers/talk.ts, held to this list by
 * tests/store/talk-heads.test.ts) and the talk cards with the edition they are read at.
 */
export const HEAD_PROPERTIES = [
  'colocatedEvent',
  'day',
  'editionId',
  'id',
  'kind',
  'originalTitle',
  'participantRows',
  'projectRows',
  'companyRows',
  'sources',
  'summary',
  'title',
] as const;

/** The TalkOrder values (schema/query.graphql), one stored page each. */
export const TALK_ORDERS: readonly string[] = ['NEWEST', 'OLDEST', 'TITLE'];

/**
 * The layout of the stored talks, part of each page's id: a page stored by a
 * version with another layout is never read, and the start stores the pages
 * anew (completeTalkHeads in src/load/backfill.ts).
 */
const HEAD_LAYOUT = 3;

/** The TalkPage id of an order's stored page. */
export const headId = (order: string): string => `${order}|${HEAD_LAYOUT}`;

/** One stored talk: its properties and its edition's id and name. */
export interface HeadTalk {
  node: Record<string, unknown>;
  edition: [id: string, name: string | null] | null;
}

/** What a page's talks' editions are asked for: nothing, ids and names, or more (whole nodes). */
export type HeadEditions = 'none' | 'names' | 'whole';

/** True when a stored page can answer a window of `properties` in order `sort`, editions as `editions`. */
export function headAnswers(
  sort: unknown,
  window: { skip: number; limit: number },
  properties: readonly string[] | undefined,
  editions: HeadEditions = 'none',
): boolean {
  return (
    typeof sort === 'string' &&
    TALK_ORDERS.includes(sort) &&
    window.skip + window.limit <= HEAD_SIZE &&
    editions !== 'whole' &&
    properties !== undefined &&
    properties.every((p) => (HEAD_PROPERTIES as readonly string[]).includes(p))
  );
}

/** A window of a stored page: its talks as `properties` alone, with their editions. */
export interface HeadWindow {
  talks: Record<string, unknown>[];
  editions: HeadTalk['edition'][];
  total: number;
}

/**
 * The window's talks, as `properties` alone, and the total, from the row of
 * cypher/head/talks.cypher; null when there is no stored page, it was stored
 * under another stamp than the store's (a later write did not store it anew),
 * or one of its talks is not a HeadTalk (a page is never trusted blindly).
 */
export function headWindow(
  row: Row | undefined,
  window: { skip: number; limit: number },
  properties: readonly string[],
): HeadWindow | null {
  if (!row || typeof row.stamp !== 'string' || row.headStamp !== row.stamp) return null;
  const stored = row.talks;
  if (!Array.isArray(stored)) return null;
  const out: HeadWindow = { talks: [], editions: [], total: Number(row.total) };
  for (const text of stored.slice(window.skip, window.skip + window.limit)) {
    const talk = parseHeadTalk(text);
    if (!talk) return null;
    out.talks.push(Object.fromEntries(properties.map((p) => [p, talk.node[p] ?? null])));
    out.editions.push(talk.edition);
  }
  return out;
}

function parseHeadTalk(text: unknown): HeadTalk | null {
  const talk = storedObject<HeadTalk>(text);
  if (!talk) return null;
  const { node, edition } = talk;
  const valid =
    typeof node === 'object' &&
    node !== null &&
    isText(node.id) &&
    (edition === null || isNamedPair(edition));
  return valid ? { node, edition: edition ?? null } : null;
}
