/**
 * Talk cards: what a page of talks needs of the level below it, stored on
 * each talk, so the dashboard's `speakers { name companies { name } }`,
 * `projects { name }` and `companies { name }` come back with the page's own
 * statement instead of three batches after it (issue #9). On Kuzu 0.11.3 a
 * batch of talk ids joins whole tables (a 20-talk participants batch is a scan
 * of Talk, Person and Company: 45 ms at 1000×), and a page's statement cannot
 * extend from its kept rows (README, traps); a card is three more columns of
 * the rows the page reads.
 *
 * - `participantRows`: the rows talk/participant-names gives for the talk, as
 *   JSON `[personId, name, role, affiliationEditionId, companyId, companyName]`,
 *   one per affiliation of the person at any edition (one with nulls for none);
 * - `projectRows`: the rows talk/project-names gives, as JSON `[projectId, name]`;
 * - `companyRows`: the rows talk/company-names gives (the companies credited
 *   with the talk), as JSON `[companyId, name]`, each company once.
 *
 * All are sorted here as the loaders sort them on reading (src/graphql/cards.ts),
 * so the stored text of a card depends on the graph alone.
 *
 * Like the link summaries (./links.ts), cards are derived from rows shaped as the
 * load's: a load into an empty store derives them from its own plan and writes
 * them with the talks, which it plans last for that (./index.ts); a batched load,
 * which merges into whatever the store holds, derives them from the graph it
 * leaves (../recard.ts).
 */
import type { PlanRow } from './index';
import { eachFact, type Rows } from './links';
import { byNameThenId, compareCodePoints } from '../../text';

/** For each load query a card reads, the fields it reads of its rows (and the talks' ids, load/talk). */
export const CARD_INPUTS: Readonly<Record<string, readonly string[]>> = {
  'load/person': ['id', 'name'],
  'load/company': ['id', 'name'],
  'load/project': ['id', 'name'],
  'load/person-presented': ['from', 'to', 'role'],
  'load/affiliated-with': ['from', 'to', 'editionId'],
  'load/talk-mentions-project': ['from', 'to'],
  'load/company-presented': ['from', 'to'],
  // The company–project facts (./links.ts, eachFact) of the projects' and companies' cards.
  'load/announcement-about-project': ['from', 'to'],
  'load/announcement-about-company': ['from', 'to'],
  'load/backs': ['from', 'to', 'kind'],
  // The editions' cards: the companies on stage (presenting a talk at it) or named by a recap covering it.
  'load/edition': ['id'],
  'load/talk-at': ['from', 'to'],
  'load/article-covers': ['from', 'to'],
  'load/article-mentions-company': ['from', 'to'],
};

/** What a card holds, as the loaders read it. */
export type ParticipantCardRow = [
  personId: string,
  name: string | null,
  role: string | null,
  affiliationEdition: string | null,
  companyId: string | null,
  companyName: string | null,
];
/** A project's or a company's row: its id and name. */
export type NamedCardRow = [id: string, name: string | null];

export type TalkCard = { id: string; participantRows: string; projectRows: string; companyRows: string };

/** The columns a card is stored in (load/talk-card writes them; two cards are compared on them). */
export const CARD_COLUMNS = ['participantRows', 'projectRows', 'companyRows'] as const;

/**
 * The cards of the other kinds, each one column: a project's companies and a
 * company's projects, the pairs the link summaries of scope `*` hold (both made
 * of ./links.ts's eachFact), so `projects { companies { name } }` and
 * `companies { projects { name } }` come with their page (at 1000× the names
 * batch scans 270,000 link summaries: 35 ms for Falco's five namesakes); an
 * edition's companies in every scope (Edition.companies' default), as
 * edition/company-names-all-scopes gives them, so they come with the edition.
 */
export const NODE_CARDS = {
  Project: {
    load: 'load/project',
    query: 'load/project-card',
    stored: 'card/stored-projects',
    column: 'companyRows',
  },
  Company: {
    load: 'load/company',
    query: 'load/company-card',
    stored: 'card/stored-companies',
    column: 'projectRows',
  },
  Edition: {
    load: 'load/edition',
    query: 'load/edition-card',
    stored: 'card/stored-editions',
    column: 'companyRows',
  },
} as const;
export type NodeCardTable = keyof typeof NODE_CARDS;

/** Participant rows in the order the loaders read them: role, lower-cased name, person id, then affiliation. */
export function compareParticipantRows(a: ParticipantCardRow, b: ParticipantCardRow): number {
  return (
    compareCodePoints(a[2] ?? '', b[2] ?? '') ||
    compareCodePoints((a[1] ?? '').toLowerCase(), (b[1] ?? '').toLowerCase()) ||
    compareCodePoints(a[0], b[0]) ||
    compareCodePoints(a[3] ?? '', b[3] ?? '') ||
    compareCodePoints(a[4] ?? '', b[4] ?? '')
  );
}

/** Project and company rows in the order the loaders read them: byNameThenId's (lower-cased name, then id). */
export function compareNamedRows(a: NamedCardRow, b: NamedCardRow): number {
  return byNameThenId({ id: a[0], name: a[1] }, { id: b[0], name: b[1] });
}

/**
 * Rows a card holds at most in each column. A talk's participant rows are its
 * speakers times their affiliations, which fixtures do not bound: a talk over
 * this gets NO_CARD, and its fields run their batches (src/graphql/cards.ts).
 */
export const MAX_CARD_ROWS = 2000;
/** What a column holds when its rows are too many: JSON, not an array, so never read as a card, and not null, so not missing. */
export const NO_CARD = 'null';

/**
 * The card of any talk, from the rows `read` gives for each query of CARD_INPUTS
 * (read once, here): a talk no row names gets a card with no one and nothing.
 * A card's rows are built only when it is asked for, one talk at a time.
 */
export function cardMaker(read: (query: string) => readonly PlanRow[]): (talkId: string) => TalkCard {
  const names = (query: string) => new Map(read(query).map((r) => [String(r.id), textOrNull(r.name)]));
  const people = names('load/person');
  const companies = names('load/company');
  const projects = names('load/project');

  const affiliations = new Map<string, [string | null, string | null, string | null][]>();
  for (const a of read('load/affiliated-with')) {
    const person = String(a.from);
    const list = affiliations.get(person) ?? [];
    list.push([textOrNull(a.editionId), String(a.to), companies.get(String(a.to)) ?? null]);
    affiliations.set(person, list);
  }
  const presented = groupBy(read('load/person-presented'), 'to', (p) => [
    [String(p.from), textOrNull(p.role)] as const,
  ]);
  const mentioned = groupBy(read('load/talk-mentions-project'), 'from', (m): NamedCardRow[] => [
    [String(m.to), projects.get(String(m.to)) ?? null],
  ]);
  const credited = groupBy(read('load/company-presented'), 'to', (c): NamedCardRow[] => [
    [String(c.from), companies.get(String(c.from)) ?? null],
  ]);

  const participantRows = (talkId: string): string => {
    const onStage = presented.get(talkId) ?? [];
    const count = onStage.reduce((n, [person]) => n + Math.max(1, affiliations.get(person)?.length ?? 0), 0);
    if (count > MAX_CARD_ROWS) return NO_CARD;
    const rows = onStage.flatMap(([person, role]): ParticipantCardRow[] => {
      const head = [person, people.get(person) ?? null, role] as const;
      const held = affiliations.get(person);
      return held?.length ? held.map((a) => [...head, ...a]) : [[...head, null, null, null]];
    });
    return JSON.stringify(rows.sort(compareParticipantRows));
  };
  return (id) => ({
    id,
    participantRows: participantRows(id),
    projectRows: namedCard(mentioned.get(id)),
    companyRows: namedCard(credited.get(id)),
  });
}

/** A card of ids and names: each once (a company may be credited twice), in card order. */
function namedCard(list: readonly NamedCardRow[] | undefined): string {
  const rows = [...new Map((list ?? []).map((row) => [row[0], row])).values()];
  return rows.length > MAX_CARD_ROWS ? NO_CARD : JSON.stringify(rows.sort(compareNamedRows));
}

/**
 * The card of each project (its companies) and each company (its projects),
 * from the rows `read` gives for each query of CARD_INPUTS, as rows of
 * load/project-card and load/company-card: every project and company gets one,
 * an empty one when no fact relates it.
 */
export function nodeCards(read: Rows): Record<NodeCardTable, PlanRow[]> {
  const names = new Map<string, string | null>();
  const companies = new Map<string, NamedCardRow[]>();
  const projects = new Map<string, NamedCardRow[]>();
  for (const r of read('load/company')) companies.set(String(r.id), []);
  for (const r of read('load/project')) projects.set(String(r.id), []);
  for (const r of [...read('load/company'), ...read('load/project')])
    names.set(String(r.id), textOrNull(r.name));
  eachFact(read, (companyId, projectId) => {
    projects.get(projectId)?.push([companyId, names.get(companyId) ?? null]);
    companies.get(companyId)?.push([projectId, names.get(projectId) ?? null]);
  });
  const rows = (cards: Map<string, NamedCardRow[]>, column: string) =>
    [...cards].map(([id, list]): PlanRow => ({ id, [column]: namedCard(list) }));
  return {
    Project: rows(projects, NODE_CARDS.Project.column),
    Company: rows(companies, NODE_CARDS.Company.column),
    Edition: rows(editionCompanies(read, names), NODE_CARDS.Edition.column),
  };
}

/**
 * Each edition's companies in every scope, as edition/company-names-all-scopes
 * reads them: those presenting a talk at it, and those a recap covering it mentions.
 */
function editionCompanies(
  read: Rows,
  names: ReadonlyMap<string, string | null>,
): Map<string, NamedCardRow[]> {
  const editions = new Map<string, NamedCardRow[]>();
  for (const r of read('load/edition')) editions.set(String(r.id), []);
  // The edition of each talk (AT) and each article (COVERS): their ids never collide.
  const at = groupBy([...read('load/talk-at'), ...read('load/article-covers')], 'from', (r) => [
    String(r.to),
  ]);
  const credit = (company: string, via: string) => {
    for (const edition of at.get(via) ?? []) {
      editions.get(edition)?.push([company, names.get(company) ?? null]);
    }
  };
  for (const r of read('load/company-presented')) credit(String(r.from), String(r.to));
  for (const r of read('load/article-mentions-company')) credit(String(r.to), String(r.from));
  return editions;
}

function groupBy<T>(rows: readonly PlanRow[], key: string, rowsOf: (row: PlanRow) => T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = String(row[key]);
    const list = groups.get(k) ?? [];
    list.push(...rowsOf(row));
    groups.set(k, list);
  }
  return groups;
}

/** A column's value as text, or null: how a card holds ids and names. */
export function textOrNull(value: unknown): string | null {
  return value == null ? null : String(value);
}
