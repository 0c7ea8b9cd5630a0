/**
 * Company–project link summaries, derived once per load so that
 * `companyProjectLinks` ranks and cuts in the database instead of pulling
 * every fact into JavaScript (28.8× slower at 100× data, measured). A bulk load
 * into an empty store plans them from its records; a batched load, from the
 * graph it leaves (../relink.ts reads the same inputs back from the store).
 *
 * A link joins a company and a project through facts: a talk the company
 * presents that mentions the project, an announcement naming both, or the
 * company backing the project. One `Link` node per (scope, company, project):
 * scope `*` counts every fact, scope `<edition id>` only that edition's talks
 * and announcements (backing belongs to no edition). `rank` is the link's
 * position in its scope — weight descending, then lower-cased company and
 * project names, then ids — so a page is `ORDER BY rank SKIP s LIMIT n`.
 *
 * Each scope's ranked links are also stored LINK_PAGE_SIZE to a `LinkPage` node
 * (id `<scope>|<page number>`), as one JSON text: an unfiltered page of the
 * matrix is then one or two primary-key lookups, where Kuzu answered the rank
 * query by reading every column it returns over all links (26 ms at 1000×).
 *
 * Link and LinkPage nodes have no relationships: paths, neighbourhoods and counts never see them.
 */
import type { PlanRow } from './index';
import { compareCodePoints } from '../../text';
import { linkPageText } from '../../store/link-pages';

export const ALL_EDITIONS = '*';

/**
 * A Link summary's id: its scope and ends. The API reads a link's facts back by
 * it (cypher/link/facts.cypher), so it is built here and nowhere else.
 */
export const linkId = (scope: string, companyId: string, projectId: string): string =>
  `${scope}|${companyId}|${projectId}`;

/** The scope a link id names (linkId's first part: edition ids hold no `|`); null for no link id. */
export function scopeOfLinkId(id: string): string | null {
  const bar = id.indexOf('|');
  return bar < 0 ? null : id.slice(0, bar);
}

/** Links per LinkPage: the most `companyProjectLinks` returns at once. */
export const LINK_PAGE_SIZE = 200;

/**
 * The LinkPage row of page `index` of a scope, from its summaries in rank
 * order. Its `links` text (../../store/link-pages.ts) is built each time the
 * row is read, when it is written, rather than planned: a 1000× load plans
 * 6,725 pages, whose texts would hold some 150 MB at the load's peak, where
 * the summaries they come from take a seventh of that.
 */
function pageRow(
  scope: string,
  index: number,
  page: readonly Summary[],
  name: (id: string) => string,
): PlanRow {
  return {
    id: `${scope}|${index}`,
    scope,
    get links(): string {
      return linkPageText(
        page.map((s) => ({
          companyId: s.companyId,
          companyName: name(s.companyId),
          projectId: s.projectId,
          projectName: name(s.projectId),
          weight: s.weight,
        })),
      );
    },
  };
}

/**
 * The rows planLinks reads, and of each only the fields it reads: the plan
 * keeps these (and nothing else) past their producers until the links are built.
 */
export const LINK_INPUTS: Readonly<Record<string, readonly string[]>> = {
  'load/company': ['id', 'name'],
  'load/project': ['id', 'name'],
  'load/talk-at': ['from', 'to'],
  'load/announcement-at': ['from', 'to'],
  'load/talk-mentions-project': ['from', 'to'],
  'load/announcement-about-project': ['from', 'to'],
  'load/company-presented': ['from', 'to'],
  'load/announcement-about-company': ['from', 'to'],
  'load/backs': ['from', 'to', 'kind'],
};

/** The facts behind one link, as lists (made unique and sorted once all are in: cheaper than a Set each). */
interface Summary {
  scope: string;
  companyId: string;
  projectId: string;
  talks: string[];
  announcements: string[];
  backing: string[];
  weight: number;
}

const uniqueSorted = (list: string[]): string[] => [...new Set(list)].sort();

/** A load query's rows, as planLinks reads them (relationships: from/to). */
export type Rows = (query: string) => readonly PlanRow[];

/** `rows(query)` gives the plan's rows of one load query; `add` and `addPage` take the Link and LinkPage rows. */
export function planLinks(rows: Rows, add: (row: PlanRow) => void, addPage: (row: PlanRow) => void): void {
  const names = new Map<string, string>();
  for (const r of [...rows('load/company'), ...rows('load/project')]) names.set(String(r.id), String(r.name));
  const name = (id: string) => names.get(id) ?? id;
  const summaries = collectFacts(rows);
  const byScope = weighByScope(summaries);
  summaries.clear();
  const order = linkOrder(name);
  for (const list of byScope.values()) {
    list.sort(order);
    emitScope(list, name, add, addPage);
  }
}

/** What relates a company and a project: the talk or announcement id, or the kind of backing. */
export type Via = 'talks' | 'announcements' | 'backing';

/**
 * Calls `visit` with every company–project fact of `rows`: a talk the company
 * presents that mentions the project, an announcement naming both, the company
 * backing the project. The link summaries (scope `*` and per edition) and the
 * projects' and companies' cards (./cards.ts) are both made of these, so they
 * name the same pairs.
 */
export function eachFact(
  rows: Rows,
  visit: (companyId: string, projectId: string, via: Via, id: string) => void,
): void {
  const targets = (query: string) => {
    const out = new Map<string, string[]>();
    for (const r of rows(query)) {
      const list = out.get(String(r.from)) ?? [];
      list.push(String(r.to));
      out.set(String(r.from), list);
    }
    return out;
  };
  const projectsOfTalk = targets('load/talk-mentions-project');
  const projectsOfAnnouncement = targets('load/announcement-about-project');
  for (const r of rows('load/company-presented')) {
    const talk = String(r.to);
    for (const project of projectsOfTalk.get(talk) ?? []) visit(String(r.from), project, 'talks', talk);
  }
  for (const r of rows('load/announcement-about-company')) {
    const announcement = String(r.from);
    for (const project of projectsOfAnnouncement.get(announcement) ?? []) {
      visit(String(r.to), project, 'announcements', announcement);
    }
  }
  for (const r of rows('load/backs')) visit(String(r.from), String(r.to), 'backing', String(r.kind));
}

/** Every fact of the load, gathered per (scope, company, project); lists not yet unique. */
function collectFacts(rows: Rows): Map<string, Summary> {
  const editionOf = new Map<string, string>();
  for (const r of [...rows('load/talk-at'), ...rows('load/announcement-at')]) {
    editionOf.set(String(r.from), String(r.to));
  }
  const summaries = new Map<string, Summary>();
  const fact = (scope: string, companyId: string, projectId: string, via: Via, id: string) => {
    const key = `${scope}\u0000${companyId}\u0000${projectId}`;
    let s = summaries.get(key);
    if (!s) {
      s = { scope, companyId, projectId, talks: [], announcements: [], backing: [], weight: 0 };
      summaries.set(key, s);
    }
    s[via].push(id);
  };
  eachFact(rows, (companyId, projectId, via, id) => {
    fact(ALL_EDITIONS, companyId, projectId, via, id);
    // Backing belongs to no edition.
    if (via !== 'backing') fact(editionOf.get(id)!, companyId, projectId, via, id);
  });
  return summaries;
}

/** Makes each summary's facts unique and sorted, weighs it, and groups the summaries by scope. */
function weighByScope(summaries: Map<string, Summary>): Map<string, Summary[]> {
  const byScope = new Map<string, Summary[]>();
  for (const s of summaries.values()) {
    s.talks = uniqueSorted(s.talks);
    s.announcements = uniqueSorted(s.announcements);
    s.backing = uniqueSorted(s.backing);
    s.weight = s.talks.length + s.announcements.length + s.backing.length;
    const list = byScope.get(s.scope) ?? [];
    list.push(s);
    byScope.set(s.scope, list);
  }
  return byScope;
}

/**
 * The links' rank order: weight descending, then code-point order of lower-cased
 * company and project names, then ids. It is the order both engines give
 * `ORDER BY toLower(name)`, and the API's: `analyst/company-project-links.cypher`
 * pages by the stored rank (../relink.ts plans through planLinks too).
 */
function linkOrder(name: (id: string) => string): (a: Summary, b: Summary) => number {
  const cmp = compareCodePoints;
  return (a, b) =>
    b.weight - a.weight ||
    cmp(name(a.companyId).toLowerCase(), name(b.companyId).toLowerCase()) ||
    cmp(name(a.projectId).toLowerCase(), name(b.projectId).toLowerCase()) ||
    cmp(a.companyId, b.companyId) ||
    cmp(a.projectId, b.projectId);
}

/** One scope's Link rows, ranked as `list` is sorted, and its LinkPage rows. */
function emitScope(
  list: readonly Summary[],
  name: (id: string) => string,
  add: (row: PlanRow) => void,
  addPage: (row: PlanRow) => void,
): void {
  list.forEach((s, rank) =>
    add({
      id: linkId(s.scope, s.companyId, s.projectId),
      scope: s.scope,
      companyId: s.companyId,
      companyName: name(s.companyId),
      projectId: s.projectId,
      projectName: name(s.projectId),
      talks: s.talks,
      announcements: s.announcements,
      backing: s.backing,
      weight: s.weight,
      rank,
    }),
  );
  for (let start = 0; start < list.length; start += LINK_PAGE_SIZE) {
    addPage(
      pageRow(list[start]!.scope, start / LINK_PAGE_SIZE, list.slice(start, start + LINK_PAGE_SIZE), name),
    );
  }
}
