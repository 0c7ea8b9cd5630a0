/**
 * The explorer's HTTP contract without a browser: what each URL returns, with
 * which content type and cache policy, and that nothing outside the
 * allow-list (in particular no path climbing out of it) is ever served.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { EXAMPLES } from '../../src/server/examples';
import type { RunningService } from '../../src/server/service';
import { startTestService, type TestService } from '../helpers/service';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request: unlike fetch, it sends the path exactly as written (`..` included). */
function send(service: RunningService, method: string, path: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(service.url);
  return new Promise<Reply>((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('explorer over HTTP', () => {
  let service: TestService;
  let page: Reply;

  beforeAll(async () => {
    service = await startTestService();
    page = await send(service, 'GET', '/');
  });

  afterAll(async () => {
    await service?.close();
  });

  /** The asset URLs the page links to, `?v=` included. */
  function assetUrls(): string[] {
    return [...page.body.toString('utf8').matchAll(/(?:src|href)="(\/explorer\/[^"]+)"/g)].map(
      (m) => m[1] ?? '',
    );
  }

  test('GET / is the page, fenced in by a same-origin Content-Security-Policy', () => {
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = page.body.toString('utf8');
    expect(html).toContain('<div id="explorer">');
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  test('the page links only versioned local assets, each served with its type and cached for good', async () => {
    const urls = assetUrls();
    expect(urls.map((u) => u.replace(/\?v=[0-9a-f]{12}$/, ''))).toEqual([
      '/explorer/graphiql.min.css',
      '/explorer/explorer.css',
      '/explorer/react.production.min.js',
      '/explorer/react-dom.production.min.js',
      '/explorer/graphiql.min.js',
      '/explorer/explorer.js',
    ]);
    for (const url of urls) {
      const reply = await send(service, 'GET', url);
      expect([url, reply.status]).toEqual([url, 200]);
      expect(reply.headers['content-type']).toBe(
        url.includes('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      );
      expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(reply.body.length).toBeGreaterThan(0);
    }
  });

  test('an unversioned or stale asset URL is revalidated, and an unchanged one answers 304', async () => {
    const plain = await send(service, 'GET', '/explorer/graphiql.min.js');
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe('no-cache');
    const stale = await send(service, 'GET', '/explorer/graphiql.min.js?v=000000000000');
    expect(stale.headers['cache-control']).toBe('no-cache');
    const etag = String(plain.headers.etag);
    const again = await send(service, 'GET', '/explorer/graphiql.min.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  test('large assets are gzipped for clients that accept it', async () => {
    const plain = await send(service, 'GET', '/explorer/graphiql.min.js');
    const zipped = await send(service, 'GET', '/explorer/graphiql.min.js', { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    const refused = await send(service, 'GET', '/explorer/graphiql.min.js', {
      'accept-encoding': 'gzip;q=0',
    });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  test('HEAD answers the headers without the body', async () => {
    const reply = await send(service, 'HEAD', '/explorer/react.production.min.js');
    expect(reply.status).toBe(200);
    expect(Number(reply.headers['content-length'])).toBeGreaterThan(1000);
    expect(reply.body.length).toBe(0);
  });

  test('GET /explorer/examples.json lists the saved examples', async () => {
    const reply = await send(service, 'GET', '/explorer/examples.json');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-cache');
    const examples = JSON.parse(reply.body.toString('utf8')) as { name: string; question: string }[];
    expect(examples).toEqual(JSON.parse(JSON.stringify(EXAMPLES)));
    expect(examples.map((e) => e.name)).toContain(
      'Talks of KubeCon EU 2020 with speakers and their companies',
    );
  });

  test.each([
    '/explorer/../package.json',
    '/explorer/%2e%2e/package.json',
    '/explorer/..%2fpackage.json',
    '/explorer/%2e%2e%2f%2e%2e%2fpackage.json',
    '/explorer//etc/passwd',
    '/explorer/explorer.html',
    '/explorer/graphiql.min.js.map',
    '/explorer/graphiql.js',
    '/explorer/GRAPHIQL.MIN.JS',
    '/explorer/graphiql.min.js/',
    '/public/explorer.js',
    '/node_modules/react/package.json',
    '/index.html',
  ])('%s is not served', async (path) => {
    const reply = await send(service, 'GET', path);
    expect(reply.status).toBe(404);
    expect(reply.body.toString('utf8')).not.toContain('"name"');
  });

  test('/explorer itself leads to the page', async () => {
    for (const path of ['/explorer', '/explorer/']) {
      const reply = await send(service, 'GET', path);
      expect(reply.status).toBe(308);
      expect(reply.headers.location).toBe('/');
    }
  });

  test('other methods are refused with 405 and the allowed ones named', async () => {
    const reply = await send(service, 'POST', '/');
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });

  test('the GraphQL API and health checks are still reachable beside the explorer', async () => {
    expect((await send(service, 'GET', '/healthz')).status).toBe(200);
    const reply = await send(service, 'GET', '/graphql?query=%7Beditions%7Bid%7D%7D', {
      'apollo-require-preflight': 'true',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.toString('utf8')).toContain('edition:kubecon-eu-2020');
  });
});
