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
import { createContext, type Context } from '../graphql/context';
import { listFilter } from '../graphql/filters';
import { decodeSource } from '../store/kinds';
import { RecapError } from '../errors';
import { sendJson, type Route } from './http';

const PAGE = 100;

type Row = Record<string, string | number | boolean | null>;

const names = (nodes: readonly StoredNode[]) => nodes.map((n) => String(n.name ?? n.title)).join('; ');
const ids = (nodes: readonly StoredNode[]) => nodes.map((n) => n.id).join('; ');
const list = (value: unknown) => (Array.isArray(value) ? value.join('; ') : '');

/** Columns of each export and how a node becomes a row (relationship lookups are batched per page). */
const ROWS: Record<ListName, (node: StoredNode, ctx: Context) => Promise<Row>> = {
  talks: async (t, ctx) => {
    const [edition, participants, companies, projects] = await Promise.all([
      ctx.loaders.relatedOne('talk/edition', t.id),
      ctx.loaders.related('talk/participants').load(t.id),
      ctx.loaders.relatedNodes('talk/companies', t.id),
      ctx.loaders.relatedNodes('talk/projects', t.id),
    ]);
    return {
      id: t.id,
      title: String(t.title),
      originalTitle: (t.originalTitle as string | null) ?? null,
      kind: String(t.kind),
      day: (t.day as string | null) ?? null,
      editionId: edition?.id ?? null,
      speakers: names(participants.map((p) => p.node)),
      companies: names(companies),
      projects: names(projects),
      summary: (t.summary as string | null) ?? null,
      sources: (t.sources as string[])
        .map((s) => `${decodeSource(s).articleId} ${decodeSource(s).locator}`)
        .join('; '),
    };
  },
  speakers: async (p, ctx) => {
    const [companies, talks] = await Promise.all([
      ctx.loaders.relatedNodes('person/companies', p.id),
      ctx.loaders.relatedNodes('person/talks', p.id),
    ]);
    return {
      id: p.id,
      name: String(p.name),
      aliases: list(p.aliases),
      companies: names(companies),
      talks: ids(talks),
    };
  },
  companies: async (c, ctx) => {
    const [talks, projects] = await Promise.all([
      ctx.loaders.relatedNodes('company/talks', c.id),
      ctx.loaders.relatedNodes('company/projects', c.id),
    ]);
    return {
      id: c.id,
      name: String(c.name),
      aliases: list(c.aliases),
      homepage: (c.homepage as string | null) ?? null,
      talks: ids(talks),
      projects: names(projects),
    };
  },
  projects: async (p, ctx) => {
    const [companies, talks] = await Promise.all([
      ctx.loaders.relatedNodes('project/companies', p.id),
      ctx.loaders.relatedNodes('project/talks', p.id),
    ]);
    return {
      id: p.id,
      name: String(p.name),
      aliases: list(p.aliases),
      cncf: Boolean(p.cncf),
      maturity: (p.maturity as string | null) ?? null,
      homepage: (p.homepage as string | null) ?? null,
      companies: names(companies),
      talks: ids(talks),
    };
  },
};

/** CSV header of each export (the same keys, in the same order, as its rows). */
const COLUMNS: Record<ListName, string[]> = {
  talks: [
    'id',
    'title',
    'originalTitle',
    'kind',
    'day',
    'editionId',
    'speakers',
    'companies',
    'projects',
    'summary',
    'sources',
  ],
  speakers: ['id', 'name', 'aliases', 'companies', 'talks'],
  companies: ['id', 'name', 'aliases', 'homepage', 'talks', 'projects'],
  projects: ['id', 'name', 'aliases', 'cncf', 'maturity', 'homepage', 'companies', 'talks'],
};

function csvCell(value: Row[string]): string {
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
    if (format === 'csv') res.write(`${columns.join(',')}\n`);
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
      const rows = await Promise.all(nodes.map((n) => ROWS[listName](n, ctx)));
      let chunk = '';
      for (const row of rows) {
        if (format === 'ndjson') chunk += `${JSON.stringify(row)}\n`;
        else chunk += `${columns.map((k) => csvCell(row[k] ?? null)).join(',')}\n`;
      }
      if (chunk) res.write(chunk);
      if (nodes.length < PAGE) break;
    }
    res.end();
    return true;
  };
}
