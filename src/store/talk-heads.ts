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
import type { Engine, Row } from './engine';
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

/** `$known` when no page is kept: no stamp is empty (they are UUIDs, src/load/stamp.ts). */
export const NO_STAMP = '';

/** A stored page's talks, parsed and checked, under the stamp it was stored with. */
export interface ParsedHead {
  stamp: string;
  total: number;
  /** Frozen, to the leaves: one parse serves every request while the stamp lasts. */
  talks: readonly HeadTalk[];
}

/**
 * The stored page of the row of cypher/head/talks.cypher, parsed; null when
 * there is no stored page, it was stored under another stamp than the store's
 * (a later write did not store it anew), or one of its talks is not a HeadTalk
 * (a page is never trusted blindly). `kept`: the page parsed from an earlier
 * row; the statement leaves out the talks of a page stored under `kept`'s
 * stamp (its `$known`), since a stamp is written once, with its pages, and
 * never again: `kept` is then the page.
 */
export function parsedHead(row: Row | undefined, kept?: ParsedHead): ParsedHead | null {
  if (!row || typeof row.stamp !== 'string' || row.headStamp !== row.stamp) return null;
  if (kept?.stamp === row.stamp && row.talks == null) return kept;
  const stored = row.talks;
  if (!Array.isArray(stored)) return null;
  const talks: HeadTalk[] = [];
  for (const text of stored) {
    const talk = parseHeadTalk(text);
    if (!talk) return null;
    talks.push(frozen(talk));
  }
  return { stamp: row.stamp, total: Number(row.total), talks };
}

/** The window's talks, as `properties` alone, and the total. */
export function headWindow(
  head: ParsedHead,
  window: { skip: number; limit: number },
  properties: readonly string[],
): HeadWindow {
  const out: HeadWindow = { talks: [], editions: [], total: head.total };
  for (const talk of head.talks.slice(window.skip, window.skip + window.limit)) {
    out.talks.push(Object.fromEntries(properties.map((p) => [p, talk.node[p] ?? null])));
    out.editions.push(talk.edition);
  }
  return out;
}

const keptHeads = new WeakMap<Engine, Map<string, ParsedHead>>();

/** The page last parsed from `engine` under this id, if any. */
export function keptHead(engine: Engine, id: string): ParsedHead | undefined {
  return keptHeads.get(engine)?.get(id);
}

/** Keeps a parsed page for the next read of the same id (one per id: the newest). */
export function keepHead(engine: Engine, id: string, head: ParsedHead): void {
  let heads = keptHeads.get(engine);
  if (!heads) keptHeads.set(engine, (heads = new Map()));
  heads.set(id, head);
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

/** A parsed JSON value frozen to its leaves. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}
