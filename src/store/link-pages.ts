/**
 * The stored pages of ranked links (LinkPage nodes, planned in
 * src/load/plan/links.ts): each holds up to LINK_PAGE_SIZE links of one scope,
 * in rank order, as one JSON text, `[[companyId, companyName, projectId,
 * projectName, weight], …]`.
 *
 * Why one text: the page is read by a primary-key lookup on every unfiltered
 * window of the matrix, and Kuzu 0.11.3 hands a list column back element by
 * element. The same 200 links read as five parallel lists took 1.07 ms, as one
 * text 0.30 ms with its JSON.parse (in process, p50 of 2,000). A 1000× bulk
 * load copied the lists' 6.7 million elements in 1.8 s, the texts in 1.1 s.
 *
 * A stored text is checked before use (./stored-json.ts): one that is not a
 * page of this layout reads as no page, and the caller asks the rank query.
 */
import { isText } from './stored-json';

/** What a page keeps of each of its links. */
export interface PageEntry {
  companyId: string;
  companyName: string;
  projectId: string;
  projectName: string;
  weight: number;
}

type StoredEntry = [
  companyId: string,
  companyName: string,
  projectId: string,
  projectName: string,
  weight: number,
];

/** The `links` text of a page holding `entries`, in their order. */
export function linkPageText(entries: readonly PageEntry[]): string {
  return JSON.stringify(
    entries.map((e): StoredEntry => [e.companyId, e.companyName, e.projectId, e.projectName, e.weight]),
  );
}

const isEntry = (v: unknown): v is StoredEntry =>
  Array.isArray(v) &&
  v.length === 5 &&
  isText(v[0]) &&
  isText(v[1]) &&
  isText(v[2]) &&
  isText(v[3]) &&
  Number.isSafeInteger(v[4]) &&
  (v[4] as number) >= 0;

/** The links a stored `links` text holds; null when it is not a page of this layout (or no text at all). */
export function linkPageEntries(text: unknown): PageEntry[] | null {
  if (!isText(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || !value.every(isEntry)) return null;
  return value.map(([companyId, companyName, projectId, projectName, weight]) => ({
    companyId,
    companyName,
    projectId,
    projectName,
    weight,
  }));
}
