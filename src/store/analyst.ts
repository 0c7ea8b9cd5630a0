/**
 * Reads behind the analyst queries (search, path, links, timeline, stats):
 * each one named Cypher file through the request's repository, its rows
 * turned into plain values. Path choice is decided in
 * src/graphql/resolvers/analyst.ts, hit scores in src/search/rank.ts; link
 * weights and ranks are stored by the loader (src/load/plan/links.ts) and
 * only read here.
 */
import { LINK_HEAD_ID, linkHeadFacts, linkHeadMayHold } from './link-heads';
import { linkPageEntries } from './link-pages';
import type { Row, StoredNode } from './engine';
import { stub, type Repository } from './repository';
import { LABEL_PROPERTIES, labelOf } from './kinds';
import { ALL_EDITIONS, LINK_PAGE_SIZE, linkId } from '../load/plan/links';
import { queryTokens } from '../search/tokens';
import { SearchIndex } from '../search/search-index';
import { readyIndex } from './built-index';
import { GraphChangedError, graphVersion } from './version';
import { compareCodePoints } from '../text';

export interface SearchCandidate {
  id: string;
  text: string;
  /** The node's name, title or description (SearchHit.label). */
  label: string;
}

export interface PathRow {
  ids: string[];
  types: string[];
  sources: string[][];
  references: (string | null)[];
}

export interface TimelineRow {
  edition: StoredNode;
  talks: StoredNode[];
  announcements: StoredNode[];
  maturities: string[];
}

export interface EditionStatsRow {
  /** The whole edition, or with `names` a stub of its id and name (never to be primed). */
  node: StoredNode;
  talks: number;
  speakers: number;
  companies: number;
  projects: number;
  announcements: number;
}

/** Kuzu's collect() over no row gives null where Neo4j gives []. */
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/**
 * The candidates of a search for its `first` hits: the best nodes of each kind
 * holding any of the expanded words, from the in-memory index
 * (src/search/search-index.ts) once it is built for the current graph version,
 * else from the engines' full-text indexes (search/query). The engines order
 * by their own word statistics, so each kind gives at least 50 for the
 * service's ranking to choose from. The index orders by that ranking already:
 * for a one-word query its order is the final one, and `first` of each kind
 * hold the hits; the phrase bonus of a longer query can lift a node past
 * others, so those get as many as from the engines.
 */
export async function searchCandidates(
  repo: Repository,
  queryWords: readonly string[],
  expanded: readonly string[],
  first: number,
): Promise<SearchCandidate[]> {
  const k = Math.max(50, first * 3);
  const index = readyIndex(repo.engine, SEARCH_INDEX, () => searchIndex(repo.detached()));
  if (index) return index.candidates(queryWords, expanded, queryWords.length === 1 ? first : k);
  return (await repo.read('search/query', { q: queryTokens(expanded), k })).map(candidateOf);
}

/** The search index's key among src/store/built-index.ts's. */
export const SEARCH_INDEX = 'search';

/** Reads every searchable node and indexes it (on a repository no request bills). */
export async function searchIndex(repo: Repository): Promise<SearchIndex> {
  return SearchIndex.of((await repo.read('search/documents', {})).map(candidateOf));
}

/** A row of search/query or search/documents. */
const candidateOf = (r: Row): SearchCandidate => ({
  id: String(r.id),
  text: String(r.text ?? ''),
  label: String(r.label ?? r.id),
});

/** Paths up to this long are read by an explicit pattern of their length (analyst/path-hops-<n>). */
export const EXPLICIT_PATH_HOPS = 3;
const PATH_HOPS = ['analyst/path-hops-1', 'analyst/path-hops-2', 'analyst/path-hops-3'] as const;

/** Both ends' kinds are in their ids: the path files' endpoints are narrowed to them. */
function pathEnds(from: string, to: string): Record<string, string> | undefined {
  const fromLabel = labelOf(from);
  const toLabel = labelOf(to);
  return fromLabel && toLabel ? { a: fromLabel, b: toLabel } : undefined;
}

/**
 * The length of the shortest paths between two nodes (at most 6), null when
 * there is none; and the paths themselves when the engine's analyst/path-length
 * returns them (Neo4j, which tracks paths cheaply), else `shortestPaths` reads them.
 */
export async function shortestPathLength(
  repo: Repository,
  from: string,
  to: string,
): Promise<{ length: number; paths?: PathRow[] } | null> {
  const rows = await repo.read('analyst/path-length', { from, to }, pathEnds(from, to));
  if (rows.length === 0) return null;
  const length = Number(rows[0]!.length);
  return rows[0]!.ids == null ? { length } : { length, paths: rows.map(pathOfRels) };
}

/** A row of any path file: its ids and its relationships whole (each adapter gives a relationship's type as __type). */
function pathOfRels(row: Row): PathRow {
  const rels = list<Record<string, unknown>>(row.rels);
  return {
    ids: list<string>(row.ids),
    types: rels.map((rel) => String(rel.__type)),
    sources: rels.map((rel) => list<string>(rel.sources)),
    references: rels.map((rel) => (rel.reference ?? null) as string | null),
  };
}

/**
 * Every shortest path (up to 50) between two nodes whose shortest path is
 * `length` long: by an explicit pattern of that length up to
 * EXPLICIT_PATH_HOPS (Kuzu tracks no path there: 3–12 ms at 1000× data against
 * 23–31 ms), else by the tracked search of analyst/path. The length came from an
 * earlier statement: a load committed in between may leave no path of that length,
 * and the answer is then no path, as it is for any read racing a load.
 */
export async function shortestPaths(
  repo: Repository,
  from: string,
  to: string,
  length: number,
): Promise<PathRow[]> {
  const labels = pathEnds(from, to);
  if (length >= 1 && length <= EXPLICIT_PATH_HOPS) {
    return (await repo.read(PATH_HOPS[length - 1]!, { from, to }, labels)).map(pathOfRels);
  }
  return (await repo.read('analyst/path', { from, to, maxHops: length }, labels)).map(pathOfRels);
}

/**
 * Per edition where the project was discussed (a talk mentions it) or announced
 * (an announcement is about it), oldest first: its talks and announcements as
 * nodes, and the maturities those announcements report. Two statements run side
 * by side, each starting from the project, merged here per edition.
 */
export async function projectTimeline(repo: Repository, projectId: string): Promise<TimelineRow[]> {
  const [talkRows, announcementRows] = await Promise.all([
    repo.read('analyst/project-timeline-talks', { projectId }),
    repo.read('analyst/project-timeline-announcements', { projectId }),
  ]);
  const byEdition = new Map<string, TimelineRow>();
  const entry = (edition: unknown): TimelineRow => {
    const node = repo.clean(edition);
    let row = byEdition.get(node.id);
    if (!row) byEdition.set(node.id, (row = { edition: node, talks: [], announcements: [], maturities: [] }));
    return row;
  };
  for (const r of talkRows) entry(r.edition).talks.push(...list<unknown>(r.talks).map((n) => repo.clean(n)));
  for (const r of announcementRows) {
    entry(r.edition).announcements.push(...list<unknown>(r.announcements).map((n) => repo.clean(n)));
  }
  const byId = (a: StoredNode, b: StoredNode) => compareCodePoints(a.id, b.id);
  for (const row of byEdition.values()) {
    // collect() keeps no defined order in either engine: nodes are sorted by id here.
    row.talks.sort(byId);
    row.announcements.sort(byId);
    const reported = row.announcements.map((a) => a.maturity);
    row.maturities = [...new Set(reported.filter((m): m is string => typeof m === 'string'))];
  }
  return [...byEdition.values()].sort(
    (a, b) => Number(a.edition.year) - Number(b.edition.year) || byId(a.edition, b.edition),
  );
}

/** The `first` newest editions' stored counts; with `names`, their editions read as id and name only. */
export async function editionStats(
  repo: Repository,
  first: number,
  names = false,
): Promise<EditionStatsRow[]> {
  const rows = await repo.read(names ? 'analyst/edition-stats-names' : 'analyst/edition-stats', { first });
  return rows.map((r) => ({
    node: names ? stub(r.id, r.name) : repo.clean(r.node),
    talks: Number(r.talks),
    speakers: Number(r.speakers),
    companies: Number(r.companies),
    projects: Number(r.projects),
    announcements: Number(r.announcements),
  }));
}

export interface NeighborRow {
  /** The node the hop started from. */
  key: string;
  /** The node at the other end. */
  id: string;
  /** That node as its id and the properties its label is made of (LABEL_PROPERTIES): not a whole node. */
  labelled: StoredNode;
  relation: string;
  sources: string[];
  reference: string | null;
}

/** A neighbour row's node as its id and the label properties it has (the others are null in the row). */
function labelledNode(row: Row): StoredNode {
  const id = String(row.id);
  const node: Record<string, unknown> = { __label: labelOf(id) ?? '', id };
  for (const property of LABEL_PROPERTIES) if (row[property] != null) node[property] = String(row[property]);
  return node as StoredNode;
}

/** One hop out of `ids` (non-empty), to nodes whose label is in `labels` (non-empty). */
export async function neighbors(
  repo: Repository,
  ids: readonly string[],
  labels: readonly string[],
): Promise<NeighborRow[]> {
  const rows = await repo.read('analyst/neighbors', { ids: [...ids], labels: [...labels] });
  return rows.map((r) => ({
    key: String(r.key),
    id: String(r.id),
    labelled: labelledNode(r),
    relation: String(r.relation),
    sources: list<string>(r.sources),
    reference: typeof r.reference === 'string' ? r.reference : null,
  }));
}

/**
 * Links are read from the summaries the loader derives (src/load/plan/links.ts):
 * one scope per edition, and '*' for all of them.
 */
function linkScope(filter: LinkFilter): {
  scope: string;
  companyId: string | null;
  projectId: string | null;
} {
  return {
    scope: filter.editionId ?? ALL_EDITIONS,
    companyId: filter.companyId,
    projectId: filter.projectId,
  };
}

export interface LinkFilter {
  editionId: string | null;
  companyId: string | null;
  projectId: string | null;
}

export interface RankedLink {
  /** The link summary's id (linkId): what its facts are read by. */
  id: string;
  company: string;
  project: string;
  weight: number;
  /** The ends' names as the load that ranked the link stored them. */
  companyName: string;
  projectName: string;
}

/**
 * One page of weighed company–project links, ranked and cut in the database.
 * A window of one scope's links with no company or project filter reads the
 * stored link pages it spans (at most two for a window of one page's size);
 * the rank query answers any other, and one whose pages are not of this
 * layout (a store written before it, until its start rewrites them).
 */
export async function rankedLinks(
  repo: Repository,
  filter: LinkFilter,
  skip: number,
  limit: number,
): Promise<RankedLink[]> {
  const scope = linkScope(filter);
  if (scope.companyId === null && scope.projectId === null && limit <= LINK_PAGE_SIZE + 1) {
    const paged = await pagedLinks(repo, scope.scope, skip, limit);
    if (paged) return paged;
  }
  const rows = await repo.read('analyst/company-project-links', { ...scope, skip, limit });
  return rows.map((r) => rankedLink(scope.scope, r));
}

function rankedLink(scope: string, r: Row): RankedLink {
  const company = String(r.company);
  const project = String(r.project);
  return {
    id: linkId(scope, company, project),
    company,
    project,
    weight: Number(r.weight),
    companyName: String(r.companyName),
    projectName: String(r.projectName),
  };
}

/** The window from the stored pages it spans; null when one of them is there but unreadable. */
async function pagedLinks(
  repo: Repository,
  scope: string,
  skip: number,
  limit: number,
): Promise<RankedLink[] | null> {
  if (limit <= 0) return [];
  const first = Math.floor(skip / LINK_PAGE_SIZE);
  const last = Math.floor((skip + limit - 1) / LINK_PAGE_SIZE);
  const pages = await Promise.all(
    Array.from({ length: last - first + 1 }, (_, i) =>
      repo.read('analyst/company-project-link-page', { id: `${scope}|${first + i}` }),
    ),
  );
  const links: RankedLink[] = [];
  for (const [page] of pages) {
    // No page: the window runs past the scope's last link.
    if (!page) continue;
    const entries = linkPageEntries(page.links);
    if (!entries) return null;
    for (const e of entries) {
      links.push({
        id: linkId(scope, e.companyId, e.projectId),
        company: e.companyId,
        project: e.projectId,
        weight: e.weight,
        companyName: e.companyName,
        projectName: e.projectName,
      });
    }
  }
  const offset = skip - first * LINK_PAGE_SIZE;
  return links.slice(offset, offset + limit);
}

/**
 * The facts behind one link, as stored with its summary: talk and announcement
 * ids, backing kinds, each list unique and sorted by the loader (planLinks).
 */
export interface LinkFacts {
  talks: string[];
  announcements: string[];
  backing: string[];
  /** The talks' titles, in `talks` order, when the facts come from the stored first page (src/load/link-heads.ts). */
  talkTitles?: (string | null)[];
}

const factsOfRow = (r: Row): LinkFacts => ({
  talks: list<string>(r.talks),
  announcements: list<string>(r.announcements),
  backing: list<string>(r.backing),
});

const NO_FACTS: LinkFacts = { talks: [], announcements: [], backing: [] };

/**
 * The facts of links by id (RankedLink.id), in `ids` order: one statement for a
 * page of links, where the facts used to be walked from the graph for every link
 * under the filters (2 s for 20 links at 1000× data). A link a load removed since
 * it was ranked has none.
 */
export async function linkFactsByIds(repo: Repository, ids: readonly string[]): Promise<LinkFacts[]> {
  // Kuzu fails on an UNWIND of the null an empty list is sent as.
  if (ids.length === 0) return [];
  const byId = new Map((await repo.read('link/facts', { ids: [...ids] })).map((r) => [String(r.key), r]));
  return ids.map((id) => {
    const row = byId.get(id);
    return row ? factsOfRow(row) : NO_FACTS;
  });
}

/**
 * The facts of links by id, as linkFactsByIds gives them, from the stored
 * facts of the all-editions matrix's first page when it holds every one and is
 * current, their talks' titles included (src/load/link-heads.ts): one
 * primary-key lookup where link/facts scans the Link table on Kuzu.
 */
export async function linkFactsOf(repo: Repository, ids: readonly string[]): Promise<LinkFacts[]> {
  if (linkHeadMayHold(ids)) {
    const [row] = await repo.read('head/link-facts', { id: LINK_HEAD_ID });
    const stored = linkHeadFacts(row);
    if (stored && ids.every((id) => stored.has(id))) {
      return ids.map((id) => {
        const link = stored.get(id)!;
        return {
          talks: link.talks.map(([talk]) => talk),
          talkTitles: link.talks.map(([, title]) => title),
          announcements: link.announcements,
          backing: link.backing,
        };
      });
    }
  }
  return linkFactsByIds(repo, ids);
}

/** A link of the whole matrix, as the export writes it: ranked, with its facts. */
export type MatrixLink = RankedLink & LinkFacts;

/**
 * Every link of a filter in rank order, with its facts, `window` links per
 * statement (analyst/company-project-links-after): memory holds one window
 * however large the matrix. Each window starts after the last rank of the one
 * before, so a load completed between two windows (which re-ranks every link)
 * would splice two rankings (links repeated, others left out): the matrix then
 * ends with GraphChangedError, which cuts an export rather than complete it wrong.
 */
export async function* linkMatrix(
  repo: Repository,
  filter: LinkFilter,
  window: number,
): AsyncGenerator<MatrixLink[]> {
  const scope = linkScope(filter);
  const version = graphVersion(repo.engine);
  // Ranks count from 0 in each scope (src/load/plan/links.ts).
  let afterRank = -1;
  for (;;) {
    const rows = await repo.read('analyst/company-project-links-after', {
      ...scope,
      afterRank,
      limit: window,
    });
    // Checked once each later window is read, so a load completed while the last one was
    // read counts too; the first window alone is one statement's ranking, whatever the version.
    if (afterRank >= 0 && graphVersion(repo.engine) !== version) {
      throw new GraphChangedError(
        'the graph was reloaded during the export, which would mix two rankings: run it again',
      );
    }
    if (rows.length > 0) yield rows.map((r) => ({ ...rankedLink(scope.scope, r), ...factsOfRow(r) }));
    if (rows.length < window) return;
    afterRank = Number(rows.at(-1)!.rank);
  }
}

export async function linkCount(repo: Repository, filter: LinkFilter): Promise<number> {
  const rows = await repo.read('analyst/company-project-links-count', linkScope(filter));
  return Number(rows[0]?.count ?? 0);
}
