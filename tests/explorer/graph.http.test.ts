/**
 * The graph view's and the matrix's HTTP contract without a browser: both
 * pages are served beside the explorer under the same Content-Security-Policy,
 * link only versioned assets of this service (cytoscape from node_modules),
 * and the explorer links to them.
 */
import { startTestService, type TestService } from '../helpers/service';

describe('graph view over HTTP', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService();
  });

  afterAll(async () => {
    await service?.close();
  });

  const get = (path: string) => fetch(`${service.url}${path}`, { redirect: 'manual' });

  test.each([
    [
      '/graph',
      ['/explorer/graph.css', '/explorer/cytoscape.min.js', '/explorer/graph-api.js', '/explorer/graph.js'],
    ],
    ['/graph/matrix', ['/explorer/graph.css', '/explorer/graph-api.js', '/explorer/matrix.js']],
  ])(
    '%s is a page under the explorer’s policy, linking only local versioned assets',
    async (path, assets) => {
      const [page, explorer] = await Promise.all([get(path), get('/')]);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toBe(
        explorer.headers.get('content-security-policy'),
      );
      const html = await page.text();
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
      const urls = [...html.matchAll(/(?:src|href)="(\/explorer\/[^"]+)"/g)].map((m) => m[1]!);
      expect(urls.map((u) => u.replace(/\?v=[0-9a-f]{12}$/, ''))).toEqual(assets);
      for (const url of urls) {
        const reply = await get(url);
        expect(reply.status).toBe(200);
        expect(reply.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(reply.headers.get('content-type')).toMatch(
          url.includes('.css') ? /^text\/css/ : /^text\/javascript/,
        );
      }
      // The graph view and the matrix link back to the explorer.
      expect(html).toContain('<a href="/">GraphQL explorer</a>');
    },
  );

  test('cytoscape comes whole from its npm package, and /graph/ leads to /graph', async () => {
    const bundle = await get('/explorer/cytoscape.min.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(300_000);
    const slash = await get('/graph/');
    expect(slash.status).toBe(308);
    expect(slash.headers.get('location')).toBe('/graph');
  });

  test('the explorer links to the graph view and the matrix', async () => {
    const script = await (await get('/explorer/explorer.js')).text();
    expect(script).toContain("h('a', { href: '/graph' }, 'Graph view')");
    expect(script).toContain("h('a', { href: '/graph/matrix' }, 'Matrix')");
  });
});
