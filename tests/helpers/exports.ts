/**
 * Export tests that need an export longer than one page (100 rows): a service
 * on the real fixtures synthesized 3× (138 talks, two pages), and a client that
 * says whether the response it got was whole.
 */
import { request, ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixtureDir } from '../../src/load/fixtures';
import { synthesize, writeFixtureDir } from '../../src/load/synthetic';
import { validate } from '../../src/load/validate';
import { PROJECT_ROOT } from '../../src/paths';
import { KUZU } from './engines';
import { startTestService, type TestService } from './service';

export interface ExportOutcome {
  status: number;
  /** Lines after the first (the CSV header). */
  rows: number;
  /** False when the response ended without its last chunk (cut, aborted or failed). */
  complete: boolean;
}

export function fetchExport(url: string): Promise<ExportOutcome> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      const done = (complete: boolean) =>
        resolve({ status: res.statusCode!, rows: body.trimEnd().split('\n').length - 1, complete });
      res.on('end', () => done(res.complete));
      res.on('aborted', () => done(false));
      res.on('error', () => done(false));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A Kuzu service on 3× synthetic data; `close` stops it and removes its fixtures.
 * `env` adds configuration variables (export limits…).
 */
export function startThreefoldService(env: Record<string, string> = {}): Promise<TestService> {
  return startSyntheticService(3, env);
}

/** A Kuzu service on `scale`× synthetic data (46 talks per scale unit), as above. */
export async function startSyntheticService(
  scale: number,
  env: Record<string, string> = {},
): Promise<TestService> {
  const result = validate(readFixtureDir(join(PROJECT_ROOT, 'fixtures')));
  if (!result.fixtures) throw new Error('real fixtures are invalid');
  const dir = mkdtempSync(join(tmpdir(), `recap-graph-export-${scale}x-`));
  writeFixtureDir(synthesize(result.fixtures, scale), dir);
  const service = await startTestService(dir, KUZU, env);
  const close = service.close.bind(service);
  return Object.assign(service, {
    close: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/**
 * Makes every export's socket say it is full, so tests do not depend on kernel
 * buffer sizes: `write` returns false (as Node does past the high-water mark)
 * and the `drain` that would say otherwise is held back; with `afterWrites`,
 * only from that many writes of a response on. `stalled` holds the responses
 * so held; `release` lets them all go on; `restore` undoes it.
 */
export function fillExportSockets(afterWrites = 0) {
  const realWrite = ServerResponse.prototype.write;
  const realEmit = ServerResponse.prototype.emit;
  const stalled: ServerResponse[] = [];
  const writes = new WeakMap<ServerResponse, number>();
  let full = true;
  const isExport = (res: ServerResponse) => Boolean(res.req?.url?.startsWith('/export/'));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ServerResponse.prototype.write = function (this: ServerResponse, ...args: any[]) {
    const ok = (realWrite as (...a: unknown[]) => boolean).apply(this, args);
    if (!isExport(this)) return ok;
    const count = (writes.get(this) ?? 0) + 1;
    writes.set(this, count);
    if (count <= afterWrites) return ok;
    if (full && !stalled.includes(this)) stalled.push(this);
    return full ? false : ok;
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ServerResponse.prototype.emit = function (this: ServerResponse, event: string | symbol, ...args: any[]) {
    // Only the drains of responses told they were full: a real one before then must reach its writer.
    if (full && event === 'drain' && isExport(this) && stalled.includes(this)) return false;
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
