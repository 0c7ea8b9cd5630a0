/**
 * Streamed exports for notebooks: `GET /export/<table>.<csv|ndjson>?<filters>`.
 * Tables are the four GraphQL lists (talks, speakers, companies, projects,
 * with the list's filters), the company–project matrix
 * (`company-project-links`, filters editionId, companyId, projectId) and
 * `edition-stats` — each read through the same repository and loaders as
 * its GraphQL field (a list's whole order through Repository.orderedIds; the
 * matrix a window of ranked links at a time, store/analyst.ts linkMatrix).
 *
 * A list's order is read once, as ids; its rows are then read page by page
 * (100 nodes, then READ_PAGE at a time, each page's nodes read by id and its
 * relationships batched through the same DataLoaders as GraphQL) and written
 * 100 rows at a time, so the whole graph can be pulled in one request without
 * holding its rows in memory or paging by hand; each 100 rows are written only
 * once the client has taken the last ones, and the next page read after that
 * (backpressure). A filter name the table does not take is a 400
 * (`UNKNOWN_FILTER`), not silently ignored. List cells are JSON arrays in
 * NDJSON and `; `-joined in CSV.
 *
 * An export of a large graph is minutes of database work, so a few
 * notebooks pulling tables at once would starve the dashboards: at most
 * `EXPORT_MAX_CONCURRENT` stream at a time (a slot is held until the
 * handler ends, its database work included), one more is a 503
 * (`TOO_MANY_EXPORTS`, with Retry-After). A client that stops reading would
 * hold its slot for ever: one that does not take the page written for it
 * within `EXPORT_STALL_MS` has its connection cut, and an export pipelined
 * behind other answers takes no slot until its turn comes. Exports need
 * HTTP/1.1 (426 `HTTP_1_1_REQUIRED` otherwise): a cut is visible only as a
 * chunked body that never ends.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { URLResolver } from 'graphql-scalars';
import type { Params, StoredNode } from '../store/engine';
import { LIST_FILTER_KEYS, type ListName } from '../store/repository';
import type { Store } from '../store/open';
import { NAME_QUERIES, type NameQuery, type RelationQuery } from '../store/query-names';
import { uniqueNodes } from '../graphql/loaders';
import { createContext, type Context } from '../graphql/context';
import { listFilter } from '../graphql/filters';
import { companyProjectMatrix, editionStatsRows } from '../graphql/resolvers/analyst';
import { EVERY_ROW } from '../graphql/resolvers/shared';
import { decodeSource } from '../store/kinds';
import { primeCards } from '../graphql/cards';
import { CARD_COLUMNS } from '../load/plan/cards';
import {
  BadInputError,
  ExportsBusyError,
  Http11RequiredError,
  RecapError,
  UnknownFilterError,
} from '../errors';
import { DEFAULT_EXPORT_LIMITS, type ExportLimits } from '../config';
import { servesHead, type Route } from './http';
import { sendJson } from './respond';
import { countRefused } from '../ops/metrics';
import type { RequestInfo } from '../ops/request';

/** Rows written at a time: the client must take each within EXPORT_STALL_MS. */
const PAGE = 100;
/**
 * Nodes read at a time by a list export, each relationship column one
 * statement for all of them. On Kuzu a batch of ids costs a scan whatever its
 * size, so larger pages are cheaper per row: the 1000× talks export took 87 s
 * in pages of 100 and 46 s in pages of 1,000 (a page's rows are a few hundred kB).
 */
const READ_PAGE = 1_000;
/** How list cells are joined in CSV (NDJSON keeps them as arrays). */
export const CSV_LIST_SEPARATOR = '; ';

type Cell = string | number | boolean | null | string[];
type Row = Record<string, Cell>;

/**
 * A list column is either read off the node, or a relationship batch through
 * the per-request DataLoaders, shown as names or ids. A column shows ids and
 * names only, so it reads the relation's names twin where there is one
 * (NAME_QUERIES: the same nodes as id-and-name stubs, as GraphQL reads them for
 * such fields): Kuzu reads a whole column for each property a statement
 * returns, and whole nodes cost the 1000× talks export twice the time.
 */
type Column =
  | { name: string; reads: string; value: (node: StoredNode) => Cell }
  | { name: string; related: Related; show: 'names' | 'ids' };

type Related = (ctx: Context, id: string) => Promise<readonly StoredNode[]>;

const text = (key: string): Column => ({
  name: key,
  reads: key,
  value: (n) => (n[key] as string | null | undefined) ?? null,
});
/** A URL as the GraphQL field's URL scalar gives it (`https://www.adobe.com/`), the stored text if it is none. */
const url = (key: string): Column => ({
  name: key,
  reads: key,
  value: (n) => {
    const stored = n[key];
    if (typeof stored !== 'string') return null;
    try {
      return String(URLResolver.serialize(stored));
    } catch {
      return stored;
    }
  },
});
const strings = (key: string): Column => ({
  name: key,
  reads: key,
  value: (n) => (Array.isArray(n[key]) ? (n[key] as unknown[]).map(String) : []),
});
/** The GraphQL field's relation, or its names twin when it has one. */
const via = (query: RelationQuery): Related => {
  const twin = (NAME_QUERIES as Partial<Record<RelationQuery, NameQuery>>)[query];
  return twin
    ? (ctx, id) => ctx.loaders.names(twin).load(id)
    : (ctx, id) => ctx.loaders.relatedNodes(query, id);
};
/** A talk's speakers and other participants, as Talk.participants lists them (names only). */
const participants: Related = async (ctx, id) =>
  uniqueNodes((await ctx.loaders.participantNames.load(id)).map((r) => r.node));
const names = (name: string, related: RelationQuery | Related): Column => ({
  name,
  related: typeof related === 'function' ? related : via(related),
  show: 'names',
});
const ids = (name: string, related: RelationQuery): Column => ({ name, related: via(related), show: 'ids' });

/** Each list export's columns, in order: they make both the rows and the CSV header. */
const LIST_COLUMNS: Record<ListName, Column[]> = {
  talks: [
    text('id'),
    text('title'),
    text('originalTitle'),
    text('kind'),
    text('day'),
    text('editionId'),
    names('speakers', participants),
    names('companies', 'talk/companies'),
    names('projects', 'talk/projects'),
    text('summary'),
    {
      name: 'sources',
      reads: 'sources',
      value: (t) =>
        ((t.sources as string[] | null) ?? []).map(decodeSource).map((s) => `${s.articleId} ${s.locator}`),
    },
  ],
  speakers: [
    text('id'),
    text('name'),
    strings('aliases'),
    names('companies', 'person/companies'),
    ids('talks', 'person/talks'),
  ],
  companies: [
    text('id'),
    text('name'),
    strings('aliases'),
    url('homepage'),
    ids('talks', 'company/talks'),
    names('projects', 'company/projects'),
  ],
  projects: [
    text('id'),
    text('name'),
    strings('aliases'),
    { name: 'cncf', reads: 'cncf', value: (p) => Boolean(p.cncf) },
    text('maturity'),
    url('homepage'),
    names('companies', 'project/companies'),
    ids('talks', 'project/talks'),
  ],
};

async function rowOf(node: StoredNode, columns: readonly Column[], ctx: Context): Promise<Row> {
  const cells = await Promise.all(
    columns.map(async (c): Promise<Cell> => {
      if ('value' in c) return c.value(node);
      const related = await c.related(ctx, node.id);
      return related.map((n) => (c.show === 'ids' ? n.id : String(n.name ?? n.title)));
    }),
  );
  return Object.fromEntries(columns.map((c, i) => [c.name, cells[i]!]));
}

/** The stored properties a talks export reads: those its columns show, and the talk cards (src/load/plan/cards.ts). */
const TALK_EXPORT_PROPERTIES = [
  ...LIST_COLUMNS.talks.flatMap((c) => ('reads' in c ? [c.reads] : [])),
  ...CARD_COLUMNS,
];

/**
 * A page of a list's nodes, in `ids` order, without those a load removed since
 * the order was read. Talks are read as the properties their columns use with
 * their cards, which prime the speakers', projects' and companies' names as a GraphQL talk
 * page does (primeCards): three relationship statements a page fewer, and the
 * edition's id is the one each talk stores. A talk without a card has those
 * columns read by their batch. Partial talks never go into the node loader.
 */
async function pageNodes(ctx: Context, list: ListName, ids: readonly string[]): Promise<StoredNode[]> {
  const present = (node: StoredNode | null): node is StoredNode => node !== null;
  if (list === 'talks') {
    const talks = (await ctx.repo.partialTalksByIds(ids, TALK_EXPORT_PROPERTIES)).filter(present);
    primeCards(ctx.loaders, talks);
    return talks;
  }
  const nodes = (await ctx.repo.listNodes(list, ids)).filter(present);
  ctx.loaders.prime(nodes);
  return nodes;
}

/** A table: its columns, the filters it takes, and its rows a batch at a time. */
interface Table {
  columns: readonly string[];
  filters: readonly string[];
  /** `context` gives a fresh context on the request's behalf (its log line counts their round trips). */
  rows(query: Record<string, string>, context: () => Context): AsyncIterable<Row[]>;
}

function listTable(list: ListName): Table {
  const columns = LIST_COLUMNS[list];
  return {
    columns: columns.map((c) => c.name),
    filters: LIST_FILTER_KEYS[list],
    async *rows(query, context) {
      const filter: Params = listFilter(list, query, 'query-string');
      // The order is read once, as ids (a few MiB for a 1000× graph), then walked a page at a time.
      const ids = await context().repo.orderedIds(list, filter, list === 'talks' ? 'NEWEST' : 'NAME');
      // The first page is a written page's worth, so the first rows (and a HEAD, which reads
      // no further) come as soon as before; the later ones READ_PAGE nodes at a time.
      for (let at = 0, size = PAGE; at < ids.length; at += size, size = READ_PAGE) {
        // A fresh context per page: loader caches stay small however long the export.
        const ctx = context();
        const nodes = await pageNodes(ctx, list, ids.slice(at, at + size));
        const rows = await Promise.all(nodes.map((n) => rowOf(n, columns, ctx)));
        for (let from = 0; from < rows.length; from += PAGE) yield rows.slice(from, from + PAGE);
      }
    },
  };
}

const TABLES: Record<string, Table> = {
  talks: listTable('talks'),
  speakers: listTable('speakers'),
  companies: listTable('companies'),
  projects: listTable('projects'),
  'company-project-links': {
    columns: ['companyId', 'company', 'projectId', 'project', 'weight', 'talks', 'announcements', 'backing'],
    filters: ['editionId', 'companyId', 'projectId'],
    async *rows(query, context) {
      const matrix = companyProjectMatrix(context(), {
        editionId: query.editionId || null,
        companyId: query.companyId || null,
        projectId: query.projectId || null,
      });
      // Read a window of links at a time (facts included), written PAGE rows at a time as the
      // lists are: one page of the whole matrix was megabytes, rendered as one string, and a
      // client reading it steadily but slowly was cut as stalled.
      for await (const links of matrix) {
        for (let at = 0; at < links.length; at += PAGE) {
          yield links.slice(at, at + PAGE).map((l) => ({
            companyId: l.company,
            company: l.companyName,
            projectId: l.project,
            project: l.projectName,
            weight: l.weight,
            talks: l.talks,
            announcements: l.announcements,
            backing: l.backing,
          }));
        }
      }
    },
  },
  'edition-stats': {
    columns: ['editionId', 'edition', 'year', 'talks', 'speakers', 'companies', 'projects', 'announcements'],
    filters: [],
    async *rows(_query, context) {
      const rows = await editionStatsRows(context(), EVERY_ROW);
      yield rows.map((r) => ({
        editionId: r.edition.id,
        edition: String(r.edition.name),
        year: Number(r.edition.year),
        talks: r.talks,
        speakers: r.speakers,
        companies: r.companies,
        projects: r.projects,
        announcements: r.announcements,
      }));
    },
  },
};

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = Array.isArray(value) ? value.join(CSV_LIST_SEPARATOR) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Filter names are checked before anything is read: a typo must not export the whole table. */
function checkFilterNames(table: string, url: URL): Record<string, string> {
  const allowed = TABLES[table]!.filters;
  for (const name of url.searchParams.keys()) {
    if (!allowed.includes(name)) {
      const hint = allowed.length ? `: filters are ${allowed.join(', ')}` : ': it takes no filter';
      throw new UnknownFilterError(`unknown filter "${name}" for ${table}${hint}`, { filter: name });
    }
    // Filters do not combine: keeping one of two values would export the wrong table without a word.
    if (url.searchParams.getAll(name).length > 1) {
      throw new BadInputError(`filter "${name}" is given more than once: give it once`);
    }
  }
  return Object.fromEntries(url.searchParams);
}

/** Errors raised before the first row is sent, as HTTP statuses; any other one is the server's fault. */
const STATUS: Partial<Record<RecapError['code'], number>> = {
  BAD_USER_INPUT: 400,
  UNKNOWN_FILTER: 400,
  NOT_FOUND: 400,
  SERVICE_UNAVAILABLE: 503,
  TOO_MANY_EXPORTS: 503,
  HTTP_1_1_REQUIRED: 426,
};

/** Seconds a client refused for TOO_MANY_EXPORTS is told to wait (Retry-After). */
const BUSY_RETRY_AFTER_S = 5;

export function exportRoute(store: Store, limits: ExportLimits = DEFAULT_EXPORT_LIMITS): Route {
  // A slot is held from the check to the end of the handler, not to the response's 'close': a
  // client that hangs up leaves its export's database work running until the handler sees it, and
  // a pipelined response whose connection is gone never gets a 'close' at all.
  let streaming = 0;
  return async (req: IncomingMessage, res: ServerResponse, url: URL, request: RequestInfo) => {
    const match = /^\/export\/([a-z-]+)\.(csv|ndjson)$/.exec(url.pathname);
    if (!match || !Object.hasOwn(TABLES, match[1]!)) return false;
    // An export exists at this path: another method is a 405 naming the allowed ones, not a 404.
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET, HEAD');
      sendJson(res, 405, { error: `${req.method} is not allowed on ${url.pathname}: use GET` });
      return true;
    }
    // Only chunked encoding lets a cut export look cut: over HTTP/1.0 (nginx's default towards
    // upstreams) the end of the connection ends the body, and a short table looks whole.
    if (req.httpVersion === '1.0' && !servesHead(req)) {
      res.setHeader('upgrade', 'HTTP/1.1');
      res.setHeader('connection', 'Upgrade');
      refuse(
        res,
        new Http11RequiredError(
          'exports need HTTP/1.1: over HTTP/1.0 a cut export would look complete (behind nginx: proxy_http_version 1.1)',
        ),
      );
      return true;
    }
    // A pipelined export waits for its turn on its connection without a slot: queued behind
    // answers its client does not read, it could hold a slot for EXPORT_STALL_MS, renewably.
    if (!res.socket && !(await ownTurn(req, res, limits.stallMs))) return true;
    if (streaming >= limits.maxConcurrent) {
      refuse(
        res,
        new ExportsBusyError(
          `${streaming} exports are already streaming (EXPORT_MAX_CONCURRENT): retry in a few seconds`,
        ),
      );
      return true;
    }
    streaming += 1;
    try {
      await streamTable(req, res, url, request, match[1]!, match[2] as 'csv' | 'ndjson');
    } finally {
      streaming -= 1;
    }
    return true;
  };

  async function streamTable(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    request: RequestInfo,
    name: string,
    format: 'csv' | 'ndjson',
  ): Promise<void> {
    const table = TABLES[name]!;
    let batches: AsyncIterator<Row[]>;
    let first: IteratorResult<Row[]>;
    try {
      const query = checkFilterNames(name, url);
      batches = table.rows(query, () => createContext(store, { request }))[Symbol.asyncIterator]();
      // The first batch is read before the headers go out, so a bad filter value is still a 400.
      first = await batches.next();
    } catch (error) {
      if (error instanceof RecapError && STATUS[error.code]) return refuse(res, error);
      throw error;
    }
    res.writeHead(200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `inline; filename="${name}.${format}"`,
    });
    // HEAD sends no body: past the first page, which answers a bad filter, there is nothing to read.
    if (servesHead(req)) {
      res.end();
      return;
    }
    if (format === 'csv') res.write(`${table.columns.join(',')}\n`);
    const gone = () => res.destroyed || req.socket.destroyed;
    for (let batch = first; !batch.done && !gone(); batch = await batches.next()) {
      let chunk = '';
      for (const row of batch.value) {
        if (format === 'ndjson') chunk += `${JSON.stringify(row)}\n`;
        else chunk += `${table.columns.map((c) => csvCell(row[c] ?? null)).join(',')}\n`;
      }
      // A client that reads slowly (or not at all) holds the export back: the next page is read
      // only once the connection takes more, so no stalled client makes the server render and
      // buffer a whole table for it.
      if (chunk && !res.write(chunk)) await drained(req, res, limits.stallMs);
      // Gone while we waited: read no further page for nobody.
      if (gone()) break;
    }
    res.end();
  }
}

/** A refusal made before any row is sent: its status, its code, and Retry-After when busy. */
function refuse(res: ServerResponse, error: RecapError): void {
  countRefused(error.code);
  if (error instanceof ExportsBusyError) res.setHeader('retry-after', String(BUSY_RETRY_AFTER_S));
  sendJson(res, STATUS[error.code]!, { error: error.message, code: error.code });
}

/**
 * Settles true once a pipelined response is given its connection (Node emits
 * 'socket' when the responses before it are sent), false once it is gone.
 */
const ownTurn = (req: IncomingMessage, res: ServerResponse, stallMs: number) =>
  waitFor(req, res, 'socket', stallMs);

/**
 * Settles when `res` can take more data, or once its connection is gone. A
 * client that does not take the page written for it within `stallMs` has its
 * connection cut: it gets a truncated response (never one that looks complete).
 */
const drained = (req: IncomingMessage, res: ServerResponse, stallMs: number) =>
  waitFor(req, res, 'drain', stallMs);

/**
 * Settles true on `res`'s `event`; false once the response or its connection
 * is gone, or after `stallMs`, when the connection is cut as a stalled
 * client's. The socket is watched as well as the response: a pipelined
 * response waiting for its turn is never told its connection closed.
 */
function waitFor(
  req: IncomingMessage,
  res: ServerResponse,
  event: 'drain' | 'socket',
  stallMs: number,
): Promise<boolean> {
  const socket = req.socket;
  return new Promise((resolve) => {
    // Already gone: 'close' was emitted before anyone listened.
    if (res.destroyed || socket.destroyed) return resolve(false);
    const settle = (happened: boolean) => {
      clearTimeout(stalled);
      res.off(event, given);
      res.off('close', gone);
      socket.off('close', gone);
      resolve(happened);
    };
    const given = () => settle(true);
    const gone = () => settle(false);
    const stalled = setTimeout(() => {
      socket.destroy();
      settle(false);
    }, stallMs);
    res.on(event, given);
    res.on('close', gone);
    socket.on('close', gone);
  });
}
