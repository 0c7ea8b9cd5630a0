/**
 * Reading the talks' stored first pages (written by src/load/heads.ts, which
 * says why they exist): which pages one can answer, and the page it gives.
 */
import type { Row } from './engine';

/** Talks a stored page holds: the largest page Query.talks gives (MAX_PAGE_SIZE). */
export const HEAD_SIZE = 100;

/** The talk properties a stored page holds: the dashboard's (title and talk cards), and the id. */
export const HEAD_PROPERTIES = ['editionId', 'id', 'participantRows', 'projectRows', 'title'] as const;

/** The TalkOrder values (schema/query.graphql), one stored page each. */
export const TALK_ORDERS: readonly string[] = ['NEWEST', 'OLDEST', 'TITLE'];

/** The stored list of each property (the columns of cypher/head/talks.cypher, the parameters of load/talk-head). */
export const HEAD_COLUMNS: Readonly<Record<(typeof HEAD_PROPERTIES)[number], string>> = {
  editionId: 'editionIds',
  id: 'ids',
  participantRows: 'participantRows',
  projectRows: 'projectRows',
  title: 'titles',
};

/** True when a stored page can answer a window of `properties` in order `sort`. */
export function headAnswers(
  sort: unknown,
  window: { skip: number; limit: number },
  properties: readonly string[] | undefined,
): boolean {
  return (
    typeof sort === 'string' &&
    TALK_ORDERS.includes(sort) &&
    window.skip + window.limit <= HEAD_SIZE &&
    properties !== undefined &&
    properties.every((p) => Object.hasOwn(HEAD_COLUMNS, p))
  );
}

/**
 * The window's talks, as `properties` alone, and the total, from the row of
 * cypher/head/talks.cypher; null when there is no stored page or it was stored
 * under another stamp than the store's (a later write did not store it anew).
 */
export function headWindow(
  row: Row | undefined,
  window: { skip: number; limit: number },
  properties: readonly string[],
): { talks: Record<string, string | null>[]; total: number } | null {
  if (!row || typeof row.stamp !== 'string' || row.headStamp !== row.stamp) return null;
  const lists = Object.fromEntries(
    properties.map((p) => [p, row[HEAD_COLUMNS[p as keyof typeof HEAD_COLUMNS]] as (string | null)[] | null]),
  );
  const ids = row.ids as string[] | null;
  if (!ids) return null;
  const talks: Record<string, string | null>[] = [];
  for (let i = window.skip; i < Math.min(ids.length, window.skip + window.limit); i++) {
    // '' stands for a missing value: Neo4j lists cannot hold null (load/talk-head.cypher).
    talks.push(Object.fromEntries(properties.map((p) => [p, lists[p]?.[i] || null])));
  }
  return { talks, total: Number(row.total) };
}
