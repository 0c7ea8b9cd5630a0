/**
 * Reading the stored facts of the link matrix's first page (written by
 * src/load/link-heads.ts, which says why they exist): the facts of links by
 * id, with their talks' titles, when the stored page holds them all.
 */
import type { Row } from './engine';
import { isNamedPair, isText, storedObject } from './stored-json';
import { ALL_EDITIONS, scopeOfLinkId } from '../load/plan/links';

/**
 * The layout of the stored links, part of the page's id: a page stored by a
 * version with another layout is never read, and the start stores it anew.
 */
const LINK_HEAD_LAYOUT = 1;

/** The LinkFactsPage id: the first page of the all-editions matrix. */
export const LINK_HEAD_ID = `${ALL_EDITIONS}|0|${LINK_HEAD_LAYOUT}`;

/** What the stored page keeps of one link: its id, its facts, its talks with their titles. */
export interface HeadLinkFacts {
  id: string;
  talks: [id: string, title: string | null][];
  announcements: string[];
  backing: string[];
}

/** True when the stored page may hold every link of `ids`: links of the all-editions matrix. */
export const linkHeadMayHold = (ids: readonly string[]): boolean =>
  ids.length > 0 && ids.every((id) => scopeOfLinkId(id) === ALL_EDITIONS);

/**
 * The stored links by id, from the row of cypher/head/link-facts.cypher; null
 * when there is no stored page, it was stored under another stamp than the
 * store's, or one of its entries is not a HeadLinkFacts (never trusted blindly).
 */
export function linkHeadFacts(row: Row | undefined): Map<string, HeadLinkFacts> | null {
  if (!row || typeof row.stamp !== 'string' || row.headStamp !== row.stamp) return null;
  if (!Array.isArray(row.facts)) return null;
  const byId = new Map<string, HeadLinkFacts>();
  for (const text of row.facts) {
    const link = parseLink(text);
    if (!link) return null;
    byId.set(link.id, link);
  }
  return byId;
}

const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);

function parseLink(text: unknown): HeadLinkFacts | null {
  const link = storedObject<HeadLinkFacts>(text);
  if (!link) return null;
  const { id, talks, announcements, backing } = link;
  const valid =
    isText(id) &&
    Array.isArray(talks) &&
    talks.every(isNamedPair) &&
    isTexts(announcements) &&
    isTexts(backing);
  return valid ? { id, talks, announcements, backing } : null;
}
