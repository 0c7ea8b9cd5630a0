/**
 * A database failure in the middle of an export, after the 200 and the first
 * rows are out: the client must see a broken response, never a well-ended one
 * that silently holds the first pages only (a notebook would analyse a
 * truncated table without a word). Runs on 3× synthetic data so that talks
 * span two export pages; the store's reads fail from the second page on, as
 * when Neo4j goes away mid-export.
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFixtureDir } from '../../src/load/fixtures';
import { synthesize, writeFixtureDir } from '../../src/load/synthetic';
import { validate } from '../../src/load/validate';
import { PROJECT_ROOT } from '../../src/paths';
import { StoreUnavailableError } from '../../src/errors';
import type { Params } from '../../src/store/engine';
import type { NamedQuery } from '../../src/store/queries';
import { KUZU } from '../helpers/engines';
import { startTestService, type TestService } from '../helpers/service';

interface Outcome {
  status: number;
  rows: number;
  /** True when the response ended as HTTP says a complete one does (last chunk received). */
  complete: boolean;
}

function fetchExport(url: string): Promise<Outcome> {
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

describe('export cut by a database failure after its first page', () => {
  let dir: string;
  let service: TestService;
  beforeAll(async () => {
    const result = validate(readFixtureDir(join(PROJECT_ROOT, 'fixtures')));
    if (!result.fixtures) throw new Error('real fixtures are invalid');
    dir = mkdtempSync(join(tmpdir(), 'recap-graph-export-failure-'));
    writeFixtureDir(synthesize(result.fixtures, 3), dir);
    service = await startTestService(dir, KUZU);
  }, 120_000);
  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is not answered as a complete 200 holding the first page only', async () => {
    const { engine } = service.store;
    const healthy = await fetchExport(`${service.url}/export/talks.csv`);
    expect(healthy).toEqual({ status: 200, rows: 138, complete: true });

    const read = engine.read.bind(engine);
    engine.read = (query: NamedQuery, params: Params) =>
      query.file.startsWith('list/') && Number(params.skip) > 0
        ? Promise.reject(new StoreUnavailableError('test: the database went away'))
        : read(query, params);
    try {
      const cut = await fetchExport(`${service.url}/export/talks.csv`);
      expect(cut.status).toBe(200); // the headers were out before the failure
      expect(cut.rows).toBeLessThan(138);
      expect(cut.complete).toBe(false);
    } finally {
      engine.read = read;
    }
    // The service still serves.
    expect(await fetchExport(`${service.url}/export/talks.csv`)).toEqual(healthy);
  }, 60_000);
});
