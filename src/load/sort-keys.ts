/**
 * Stored sort keys of a talk, one per TalkOrder, so a page of talks is a
 * top-k over one stored string instead of a sort on five keys computed from
 * the talk and its edition for every talk (issue #9: at 1000× data that sort
 * was most of the dashboard page's time). Each key orders exactly as the
 * tuple it encodes:
 *
 *   NEWEST  -edition.year, edition.id, day, title, id
 *   OLDEST   edition.year, edition.id, day, title, id
 *   TITLE    lower(title), then NEWEST
 *
 * Components are joined by U+0001, which no component may hold (it is
 * dropped), so a shorter component sorts first as in the tuple; a missing
 * day is U+FFFF, so it sorts last as a null does. The keys are computed here
 * once, in JavaScript, so both engines order by the same stored strings.
 * Beside them a talk stores its edition's id (plan/nodes.ts), so a page
 * filters by edition and matches the kept talks' editions without joining
 * every talk to its edition first (cypher/list/talks*.cypher).
 */

export interface TalkSortKeys {
  newestKey: string;
  oldestKey: string;
  titleKey: string;
}

const SEPARATOR = '\u0001';
const NO_DAY = '\uffff';
/** Years are offset into six fixed-width digits: exact from -100000 to 899999. */
const YEAR_OFFSET = 100_000;
const YEAR_MAX = 999_999;

const part = (s: string): string => s.replaceAll('\u0000', '').replaceAll(SEPARATOR, '');
const digits = (n: number): string => String(Math.min(Math.max(Math.trunc(n), 0), YEAR_MAX)).padStart(6, '0');

export function talkSortKeys(
  talk: { id: string; title: string; day?: string | null },
  edition: { id: string; year: number },
): TalkSortKeys {
  const rest = [part(edition.id), talk.day ? part(talk.day) : NO_DAY, part(talk.title), part(talk.id)];
  const newestKey = [digits(YEAR_MAX - (edition.year + YEAR_OFFSET)), ...rest].join(SEPARATOR);
  return {
    newestKey,
    oldestKey: [digits(edition.year + YEAR_OFFSET), ...rest].join(SEPARATOR),
    titleKey: [part(talk.title.toLowerCase()), newestKey].join(SEPARATOR),
  };
}
