/**
 * The GraphQL explorer: `GET /` is a GraphiQL page with the schema docs and
 * the saved example queries; `GET /graph` draws entities, paths and their
 * sources with cytoscape.js, and `GET /graph/matrix` shows the company–project
 * matrix. Every file they load comes from this process (our own files in
 * public/, GraphiQL, React and cytoscape straight from their npm packages). Nothing is fetched from a CDN, so the explorer works on a
 * machine without internet access and no query leaves for another host.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { PUBLIC_DIR } from '../paths';
import { EXAMPLES } from './examples';
import type { Route } from './http';
import { sendJson } from './respond';

const gzip = promisify(gzipCallback);

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

// The browser holds the page to this policy, so even a dependency that tried
// to reach a CDN, a font host or an analytics endpoint would be refused.
// Inline styles stay allowed: GraphiQL's dialogs inject a <style> element
// (checked in Chromium), and a style cannot load anything from another host
// while img-src and font-src stay same-origin.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Where an asset's bytes come from: a file (resolved on first use) or text built here. */
type Source = { file: () => string } | { text: () => string };

interface Asset {
  type: string;
  source: Source;
}

/**
 * A file inside an installed package. Resolving through `<pkg>/package.json`
 * finds the package wherever npm put it, and works although the packages'
 * `exports` maps do not list their UMD builds.
 */
function fromPackage(pkg: string, file: string): Source {
  return { file: () => join(packageDir(pkg), file) };
}

function packageDir(pkg: string): string {
  try {
    return dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    // cytoscape's `exports` map hides its package.json: climb from its main entry instead.
    const main = require.resolve(pkg);
    const marker = `${sep}node_modules${sep}${pkg}${sep}`;
    return main.slice(0, main.lastIndexOf(marker) + marker.length - 1);
  }
}

function fromPublic(file: string): Source {
  return { file: () => join(PUBLIC_DIR, file) };
}

// The allow-list: a URL is served only if it is a key here, and the file it
// maps to is fixed, so no request path ever reaches the file system.
const ASSETS = new Map<string, Asset>([
  ['/explorer/explorer.js', { type: JS, source: fromPublic('explorer.js') }],
  ['/explorer/explorer.css', { type: CSS, source: fromPublic('explorer.css') }],
  [
    '/explorer/react.production.min.js',
    { type: JS, source: fromPackage('react', 'umd/react.production.min.js') },
  ],
  [
    '/explorer/react-dom.production.min.js',
    { type: JS, source: fromPackage('react-dom', 'umd/react-dom.production.min.js') },
  ],
  ['/explorer/graphiql.min.js', { type: JS, source: fromPackage('graphiql', 'graphiql.min.js') }],
  ['/explorer/graphiql.min.css', { type: CSS, source: fromPackage('graphiql', 'graphiql.min.css') }],
  ['/explorer/examples.json', { type: JSON_TYPE, source: { text: () => JSON.stringify(EXAMPLES) } }],
  // The graph view and the matrix: cytoscape's own minified browser bundle (a UMD global, no build step).
  ['/explorer/cytoscape.min.js', { type: JS, source: fromPackage('cytoscape', 'dist/cytoscape.min.js') }],
  ['/explorer/graph.js', { type: JS, source: fromPublic('graph.js') }],
  ['/explorer/graph-api.js', { type: JS, source: fromPublic('graph-api.js') }],
  ['/explorer/matrix.js', { type: JS, source: fromPublic('matrix.js') }],
  ['/explorer/graph.css', { type: CSS, source: fromPublic('graph.css') }],
]);

/** The HTML pages, by URL: each links only assets of the allow-list above. */
const PAGES = new Map<string, string>([
  ['/', 'explorer.html'],
  ['/graph', 'graph.html'],
  ['/graph/matrix', 'matrix.html'],
]);

interface Loaded {
  type: string;
  body: Buffer;
  /** Null when compression would not pay. */
  gzip: Buffer | null;
  etag: string;
  /** Short content hash, the `?v=` the page puts on the asset's URL. */
  version: string;
}

// Files are read once per process: they only change with a deploy (a new
// process), and the GraphiQL bundle is worth compressing only once.
const loaded = new Map<string, Promise<Loaded>>();

function load(path: string): Promise<Loaded> {
  let entry = loaded.get(path);
  if (!entry) {
    const page = PAGES.get(path);
    entry = (page ? loadPage(path, page) : loadAsset(path)).catch((error: unknown) => {
      loaded.delete(path); // a later request retries, e.g. after `npm ci` fixed a missing package
      throw error;
    });
    loaded.set(path, entry);
  }
  return entry;
}

async function loadAsset(path: string): Promise<Loaded> {
  const asset = ASSETS.get(path);
  if (!asset) throw new Error(`no explorer asset ${path}`);
  return pack(asset.type, await readSource(path, asset.source));
}

/**
 * The page, with each asset URL made `?v=<content hash>`: the assets can then
 * be cached for good, and a new GraphiQL version still reaches browsers at once.
 */
async function loadPage(path: string, file: string): Promise<Loaded> {
  let html = (await readSource(path, fromPublic(file))).toString('utf8');
  const linked = [...ASSETS.keys()].filter((path) => html.includes(`"${path}"`));
  const versions = await Promise.all(linked.map(async (path) => (await load(path)).version));
  linked.forEach((path, i) => {
    html = html.split(`"${path}"`).join(`"${path}?v=${versions[i]}"`);
  });
  return pack(HTML, Buffer.from(html, 'utf8'));
}

async function readSource(path: string, source: Source): Promise<Buffer> {
  if ('text' in source) return Buffer.from(source.text(), 'utf8');
  try {
    return await readFile(source.file());
  } catch (error) {
    throw new Error(
      `explorer file for ${path} is missing (${error instanceof Error ? error.message : String(error)}); run \`npm ci\``,
    );
  }
}

async function pack(type: string, body: Buffer): Promise<Loaded> {
  const hash = createHash('sha256').update(body).digest('hex');
  // Off the event loop: the GraphiQL bundle takes a noticeable moment to squeeze.
  const zipped = body.length >= 1024 ? await gzip(body, { level: 9 }) : null;
  return {
    type,
    body,
    gzip: zipped && zipped.length < body.length ? zipped : null,
    // Weak: the gzipped and the plain bytes share it, as they mean the same content.
    etag: `W/"${hash.slice(0, 32)}"`,
    version: hash.slice(0, 12),
  };
}

function isExplorerPath(path: string): boolean {
  return PAGES.has(path) || ASSETS.has(path);
}

export const explorerRoute: Route = async (req, res, url) => {
  const path = url.pathname;
  if (path === '/explorer' || path === '/explorer/' || path === '/graph/') {
    res.writeHead(308, { location: path === '/graph/' ? '/graph' : '/' });
    res.end();
    return true;
  }
  if (!isExplorerPath(path)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    sendJson(res, 405, { error: `${req.method} is not allowed on ${path}: use GET` });
    return true;
  }
  const asset = await load(path);
  // A versioned URL names one exact content, so it may be cached for good;
  // anything else (the page, examples.json, a stale `v`) is revalidated on
  // every visit so a change shows at once.
  const immutable = !PAGES.has(path) && url.searchParams.get('v') === asset.version;
  send(req, res, asset, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  return true;
};

function send(req: IncomingMessage, res: ServerResponse, asset: Loaded, cacheControl: string): void {
  const headers: Record<string, string> = {
    'content-type': asset.type,
    'cache-control': cacheControl,
    etag: asset.etag,
    'x-content-type-options': 'nosniff',
  };
  if (asset.type === HTML) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['referrer-policy'] = 'no-referrer';
  }
  if (asset.gzip) headers.vary = 'accept-encoding';
  if (matchesEtag(req.headers['if-none-match'], asset.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const zipped = asset.gzip && acceptsGzip(req.headers['accept-encoding']) ? asset.gzip : null;
  const body = zipped ?? asset.body;
  if (zipped) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag.replace(/^W\//, '') || tag === '*');
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding?.trim().toLowerCase() !== 'gzip') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
