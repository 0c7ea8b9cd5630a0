/**
 * The bounds on exports: at most EXPORT_MAX_CONCURRENT stream at once (one
 * more is a 503 TOO_MANY_EXPORTS with Retry-After, and the slot comes back
 * when an export ends), and a client that reads nothing for EXPORT_STALL_MS
 * is cut rather than holding its slot for ever. A full socket is simulated as
 * in export-backpressure.test.ts: `write` reports it and `drain` is held back.
 */
import { ServerResponse } from 'node:http';
import { fetchExport, startThreefoldService } from '../helpers/exports';
import type { TestService } from '../helpers/service';

/** While installed, every export's socket says it is full; `release` lets them all go on. */
function stallExports() {
  const realWrite = ServerResponse.prototype.write;
  const realEmit = ServerResponse.prototype.emit;
  const stalled: ServerResponse[] = [];
  let full = true;
  const isExport = (res: ServerResponse) => Boolean(res.req?.url?.startsWith('/export/'));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ServerResponse.prototype.write = function (this: ServerResponse, ...args: any[]) {
    const ok = (realWrite as (...a: unknown[]) => boolean).apply(this, args);
    if (!isExport(this)) return ok;
    if (full && !stalled.includes(this)) stalled.push(this);
    return full ? false : ok;
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ServerResponse.prototype.emit = function (this: ServerResponse, event: string | symbol, ...args: any[]) {
    if (full && event === 'drain' && isExport(this)) return false;
    return realEmit.call(this, event, ...args);
  };
  const restore = () => {
    ServerResponse.prototype.write = realWrite;
    ServerResponse.prototype.emit = realEmit;
  };
  return {
    stalled,
    async waitFor(count: number) {
      while (stalled.length < count) await new Promise((r) => setTimeout(r, 20));
    },
    release() {
      full = false;
      restore();
      for (const res of stalled) res.emit('drain');
    },
    restore,
  };
}

describe('at most EXPORT_MAX_CONCURRENT exports stream at once', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startThreefoldService({ EXPORT_MAX_CONCURRENT: '2' });
  }, 120_000);
  afterAll(() => service.close());

  it('refuses one more with 503 TOO_MANY_EXPORTS, serves GraphQL meanwhile, and frees the slots', async () => {
    const stall = stallExports();
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
    const stall = stallExports();
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
