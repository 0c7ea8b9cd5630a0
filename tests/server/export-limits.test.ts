/**
 * The bounds on exports: at most EXPORT_MAX_CONCURRENT stream at once (one
 * more is a 503 TOO_MANY_EXPORTS with Retry-After; a slot comes back when its
 * export's handler ends, however the client left), and a client that does
 * not take a page for EXPORT_STALL_MS is cut rather than holding its slot for
 * ever. A full socket is simulated as
 * by fillExportSockets (tests/helpers/exports.ts).
 */
import { connect } from 'node:net';
import type { Params } from '../../src/store/engine';
import type { NamedQuery } from '../../src/store/queries';
import { fetchExport, fillExportSockets, startThreefoldService } from '../helpers/exports';
import type { TestService } from '../helpers/service';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends raw bytes on a new connection and destroys it after `ms`: a client that hangs up. */
function sendAndHangUp(url: string, text: string, ms: number): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(text);
      setTimeout(() => socket.destroy(), ms);
    });
    socket.on('data', () => undefined);
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

describe('at most EXPORT_MAX_CONCURRENT exports stream at once', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startThreefoldService({ EXPORT_MAX_CONCURRENT: '2' });
  }, 120_000);
  afterAll(() => service.close());

  it('refuses one more with 503 TOO_MANY_EXPORTS, serves GraphQL meanwhile, and frees the slots', async () => {
    const stall = fillExportSockets();
    try {
      const first = fetchExport(`${service.url}/export/talks.csv`);
      const second = fetchExport(`${service.url}/export/speakers.ndjson`);
      await stall.waitFor(2);

      const refused = await fetch(`${service.url}/export/companies.csv`);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(await refused.json()).toEqual({
        error: expect.stringContaining('EXPORT_MAX_CONCURRENT'),
        code: 'TOO_MANY_EXPORTS',
      });
      // The cap is on exports only: the API still answers.
      const api = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ editions { id } }' }),
      });
      expect(api.status).toBe(200);

      stall.release();
      expect(await first).toEqual({ status: 200, rows: 138, complete: true });
      expect((await second).complete).toBe(true);
      // Both slots are back: two exports at once are served again.
      const again = await Promise.all([
        fetchExport(`${service.url}/export/talks.csv`),
        fetchExport(`${service.url}/export/companies.csv`),
      ]);
      expect(again.map((a) => [a.status, a.complete])).toEqual([
        [200, true],
        [200, true],
      ]);
    } finally {
      stall.restore();
    }
  }, 60_000);

  const twoAtOnce = async () =>
    (
      await Promise.all([
        fetchExport(`${service.url}/export/talks.csv`),
        fetchExport(`${service.url}/export/companies.csv`),
      ])
    ).map((a) => a.status);

  it('gives the slot of a pipelined export back when its connection goes away before its turn', async () => {
    expect(await twoAtOnce()).toEqual([200, 200]);
    // The second response waits behind the first: when the connection goes, it is never told.
    await sendAndHangUp(
      service.url,
      'GET /export/talks.csv HTTP/1.1\r\nHost: x\r\n\r\nGET /export/talks.ndjson HTTP/1.1\r\nHost: x\r\n\r\n',
      5,
    );
    await sleep(1000);
    expect(await twoAtOnce()).toEqual([200, 200]);
  }, 60_000);

  it('holds the slot of a client that hung up until its database work is over', async () => {
    const { engine } = service.store;
    const read = engine.read.bind(engine);
    let inFlight = 0;
    let most = 0;
    engine.read = async (query: NamedQuery, params: Params) => {
      if (!query.file.startsWith('list/')) return read(query, params);
      most = Math.max(most, ++inFlight);
      try {
        await sleep(300); // a whole-list order that takes a while, as on a 1000× graph
        return await read(query, params);
      } finally {
        inFlight -= 1;
      }
    };
    try {
      // Six clients ask for an export and hang up at once, one after the other.
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          sleep(i * 20).then(() =>
            sendAndHangUp(service.url, 'GET /export/talks.csv HTTP/1.1\r\nHost: x\r\n\r\n', 10),
          ),
        ),
      );
      await sleep(1000);
      expect(most).toBe(2);
    } finally {
      engine.read = read;
    }
    expect(await twoAtOnce()).toEqual([200, 200]);
  }, 60_000);

  it('gives the slot back when an export is refused for a bad filter', async () => {
    for (let i = 0; i < 3; i++) {
      const bad = await fetch(`${service.url}/export/talks.csv?editionid=x`);
      expect(bad.status).toBe(400);
    }
    const both = await Promise.all([
      fetchExport(`${service.url}/export/talks.csv`),
      fetchExport(`${service.url}/export/talks.ndjson`),
    ]);
    expect(both.map((a) => a.status)).toEqual([200, 200]);
  }, 60_000);
});

describe('an export to a client that reads nothing for EXPORT_STALL_MS', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startThreefoldService({ EXPORT_MAX_CONCURRENT: '1', EXPORT_STALL_MS: '300' });
  }, 120_000);
  afterAll(() => service.close());

  it('is cut, short of its end, and its slot serves the next export', async () => {
    const stall = fillExportSockets();
    let cut;
    try {
      const answer = fetchExport(`${service.url}/export/talks.csv`);
      await stall.waitFor(1);
      cut = await answer;
    } finally {
      stall.restore();
    }
    expect(cut.status).toBe(200);
    expect(cut.complete).toBe(false);
    expect(cut.rows).toBeLessThan(138);
    expect(await fetchExport(`${service.url}/export/talks.csv`)).toEqual({
      status: 200,
      rows: 138,
      complete: true,
    });
  }, 60_000);
});
