/**
 * An export to a client that stops reading: the server must wait for the
 * connection to take more (`drain`) before it reads and renders the next page,
 * rather than render the whole table into memory for a client that may never
 * read it (one such client per table size, with no bound on how many). Runs
 * on 3× synthetic data so that talks span two export pages. A full socket is
 * simulated by fillExportSockets (tests/helpers/exports.ts).
 */
import type { Engine, Params } from '../../src/store/engine';
import type { NamedQuery } from '../../src/store/queries';
import { Repository } from '../../src/store/repository';
import {
  fetchExport,
  fillExportSockets,
  startSyntheticService,
  startThreefoldService,
} from '../helpers/exports';
import type { TestService } from '../helpers/service';

/**
 * Records, until `restore`, the list queries an export runs (its order) and the size of each
 * page of talks it reads by id (node/talk-fields, projected).
 */
function recordReads(engine: Engine) {
  const original = engine.read;
  const read = original.bind(engine);
  const orders: string[] = [];
  const pages: number[] = [];
  engine.read = (query: NamedQuery, params: Params) => {
    if (query.file.startsWith('list/')) orders.push(query.file);
    if (query.file === 'node/talk-fields.cypher') pages.push((params.ids as string[]).length);
    return read(query, params);
  };
  return { orders, pages, restore: () => void (engine.read = original) };
}

describe('export to a client that reads no more', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startThreefoldService();
  }, 120_000);
  afterAll(() => service.close());

  it('reads the next page only once the connection takes more', async () => {
    // The order is read once (a list query); each page's talks are then read by id (node/talk-fields).
    const { orders, pages, restore } = recordReads(service.store.engine);
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
      restore();
    }
  }, 60_000);

  it('answers HEAD from the order and the first page alone, and a bad filter still with its status', async () => {
    const { pages, restore } = recordReads(service.store.engine);
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
      restore();
    }
  }, 60_000);
});

describe('export of a graph larger than a page of reads', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startSyntheticService(25); // 1,150 talks
  }, 120_000);
  afterAll(() => service.close());

  it('reads 100 nodes, then 1,000 at a time, writes 100 rows at a time, and stops mid-page for a client that stops', async () => {
    const { pages, restore } = recordReads(service.store.engine);
    // The header and three chunks of 100 rows go out as usual; the fourth chunk (rows 300–399,
    // the third of the second page, which was read whole) finds the socket full.
    const sockets = fillExportSockets(4);
    try {
      const answer = fetchExport(`${service.url}/export/talks.csv`);
      await sockets.waitFor(1);
      await new Promise((r) => setTimeout(r, 500));
      expect(pages).toEqual([100, 1000]);
      sockets.release();
      expect(await answer).toEqual({ status: 200, rows: 1150, complete: true });
      expect(pages).toEqual([100, 1000, 50]);
    } finally {
      sockets.restore();
      restore();
    }
    // Every talk once, in the list's order: no row lost or repeated where a page was cut in chunks.
    const rows = (await (await fetch(`${service.url}/export/talks.ndjson`)).text())
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    const order = await new Repository(service.store.engine, service.store.queries).orderedIds(
      'talks',
      {},
      'NEWEST',
    );
    expect(order).toHaveLength(1150);
    expect(rows).toEqual(order);
  }, 120_000);
});
