/**
 * Streamed exports for notebooks: `GET /export/<list>.<csv|ndjson>?<filters>`
 * where list is talks, speakers, companies or projects and the filters are
 * those of the GraphQL list (editionId, kind, companyId, nameContains, …).
 *
 * Rows are written page by page (100 at a time, each page's relationships
 * batched through the same DataLoaders as GraphQL), so the whole graph can be
 * pulled in one request without holding it in memory or paging by hand.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoredNode } from '../store/engine';
import type { ListName } from '../store/repository';
import type { Store } from '../store/open';
import type { RelationQuery } from '../store/query-names';
import { createContext, type Context } from '../graphql/context';
import { listFilter } from '../graphql/filters';
import { decodeSource } from '../store/kinds';
import { RecapError } from '../errors';
import { sendJson, type Route } from './http';

const PAGE = 100;

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

/**
 * A column is either read off the node, or a relationship batch (the same
 * named query and DataLoader as the GraphQL field) shown as names or ids.
 */
type Column =
  | { name: string; value: (node: StoredNode) => Cell }
  | { name: string; related: RelationQuery; show: 'names' | 'ids' };

const text = (key: string): Column => ({
  name: key,
  value: (n) => (n[key] as string | null | undefined) ?? null,
});
const joined = (key: string): Column => ({
  name: key,
  value: (n) => (Array.isArray(n[key]) ? (n[key] as string[]).join('; ') : ''),
});
const names = (name: string, related: RelationQuery): Column => ({ name, related, show: 'names' });
const ids = (name: string, related: RelationQuery): Column => ({ name, related, show: 'ids' });

/** Each export's columns, in order: they make both the rows and the CSV header. */
const COLUMNS: Record<ListName, Column[]> = {
  talks: [
    text('id'),
    text('title'),
    text('originalTitle'),
    text('kind'),
    text('day'),
    ids('editionId', 'talk/edition'),
    names('speakers', 'talk/participants'),
    names('companies', 'talk/companies'),
    names('projects', 'talk/projects'),
    text('summary'),
    {
      name: 'sources',
      value: (t) =>
        ((t.sources as string[]) ?? [])
          .map(decodeSource)
          .map((s) => `${s.articleId} ${s.locator}`)
          .join('; '),
    },
  ],
  speakers: [
    text('id'),
    text('name'),
    joined('aliases'),
    names('companies', 'person/companies'),
    ids('talks', 'person/talks'),
  ],
  companies: [
    text('id'),
    text('name'),
    joined('aliases'),
    text('homepage'),
    ids('talks', 'company/talks'),
    names('projects', 'company/projects'),
  ],
  projects: [
    text('id'),
    text('name'),
    joined('aliases'),
    { name: 'cncf', value: (p) => Boolean(p.cncf) },
    text('maturity'),
    text('homepage'),
    names('companies', 'project/companies'),
    ids('talks', 'project/talks'),
  ],
};

async function rowOf(node: StoredNode, columns: readonly Column[], ctx: Context): Promise<Row> {
  const cells = await Promise.all(
    columns.map(async (c): Promise<Cell> => {
      if ('value' in c) return c.value(node);
      const related = await ctx.loaders.relatedNodes(c.related, node.id);
      return related.map((n) => (c.show === 'ids' ? n.id : String(n.name ?? n.title))).join('; ');
    }),
  );
  return Object.fromEntries(columns.map((c, i) => [c.name, cells[i]!]));
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportRoute(store: Store): Route {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const match = /^\/export\/(talks|speakers|companies|projects)\.(csv|ndjson)$/.exec(url.pathname);
    if (!match || req.method !== 'GET') return false;
    const listName = match[1] as ListName;
    const format = match[2] as 'csv' | 'ndjson';
    let filter;
    try {
      filter = listFilter(listName, Object.fromEntries(url.searchParams), '');
    } catch (error) {
      if (error instanceof RecapError) {
        sendJson(res, 400, { error: error.message, code: error.code });
        return true;
      }
      throw error;
    }
    res.writeHead(200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `inline; filename="${listName}.${format}"`,
    });
    const columns = COLUMNS[listName];
    if (format === 'csv') res.write(`${columns.map((c) => c.name).join(',')}\n`);
    for (let skip = 0; !res.destroyed; skip += PAGE) {
      // A fresh context per page: loader caches stay small however long the export.
      const ctx = createContext(store);
      const nodes = await ctx.repo.page(
        listName,
        filter,
        listName === 'talks' ? 'NEWEST' : 'NAME',
        skip,
        PAGE,
      );
      ctx.loaders.prime(nodes);
      const rows = await Promise.all(nodes.map((n) => rowOf(n, columns, ctx)));
      let chunk = '';
      for (const row of rows) {
        if (format === 'ndjson') chunk += `${JSON.stringify(row)}\n`;
        else chunk += `${columns.map((c) => csvCell(row[c.name] ?? null)).join(',')}\n`;
      }
      if (chunk) res.write(chunk);
      if (nodes.length < PAGE) break;
    }
    res.end();
    return true;
  };
}
