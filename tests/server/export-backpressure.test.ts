/**
 * An export to a client that stops reading: the server must wait for the
 * connection to take more (`drain`) before it reads and renders the next page,
 * rather than render the whole table into memory for a client that may never
 * read it (one such client per table size, with no bound on how many). Runs
 * on 3× synthetic data so that talks span two export pages. A full socket is
 * simulated by fillExportSockets (tests/helpers/exports.ts).
 */
import type { Params } from '../../src/store/engine';
import type { NamedQuery } from '../../src/store/queries';
import { fetchExport, fillExportSockets, startThreefoldService } from '../helpers/exports';
import type { TestService } from '../helpers/service';

describe('export to a client that reads no more', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startThreefoldService();
  }, 120_000);
  afterAll(() => service.close());

  it('reads the next page only once the connection takes more', async () => {
    const { engine } = service.store;
    const read = engine.read.bind(engine);
    // The order is read once (a list query); each page's talks are then read by id (node/talk).
    const orders: string[] = [];
    const pages: number[] = [];
    engine.read = (query: NamedQuery, params: Params) => {
      if (query.file.startsWith('list/')) orders.push(query.file);
      if (query.file.startsWith('node/talk')) pages.push((params.ids as string[]).length);
      return read(query, params);
    };
    const sockets = fillExportSockets();
    try {
      const answer = fetchExport(`${service.url}/export/talks.csv`);
      // The first page goes out, then the socket says it is full: nothing more is read.
      await sockets.waitFor(1);
      await new Promise((r) => setTimeout(r, 500));
      expect(pages).toEqual([100]);
      // The client reads again: the export goes on to the end.
      sockets.release();
      expect(await answer).toEqual({ status: 200, rows: 138, complete: true });
      expect(pages).toEqual([100, 38]);
      expect(orders).toHaveLength(1);
    } finally {
      sockets.restore();
      engine.read = read;
    }
  }, 60_000);

  it('answers HEAD from the order and the first page alone, and a bad filter still with its status', async () => {
    const { engine } = service.store;
    const read = engine.read.bind(engine);
    const pages: number[] = [];
    engine.read = (query: NamedQuery, params: Params) => {
      if (query.file.startsWith('node/talk')) pages.push((params.ids as string[]).length);
      return read(query, params);
    };
    try {
      const head = await fetch(`${service.url}/export/talks.csv`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(await head.text()).toBe('');
      expect(pages).toEqual([100]);
      const bad = await fetch(`${service.url}/export/talks.csv?kind=SERMON`, { method: 'HEAD' });
      expect(bad.status).toBe(400);
      // GET still reads every page.
      pages.length = 0;
      expect((await fetchExport(`${service.url}/export/talks.csv`)).rows).toBe(138);
      expect(pages).toEqual([100, 38]);
    } finally {
      engine.read = read;
    }
  }, 60_000);
});
