/**
 * Link pages (src/load/plan/links.ts): an unfiltered window of one scope's
 * ranked links read from the stored pages must equal the rank query's answer
 * for the same window, on each engine, across page boundaries, at the end of a
 * scope and past it; and a store written before pages, or before links, gets
 * them at start (src/load/backfill.ts), equal to those a load writes. A page
 * that is not of this layout (parallel lists, a damaged text) is never read:
 * the rank query answers, and the start writes the page again. Runs on 3× synthetic
 * data, whose every-edition scope holds more than two pages of links.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeLinks } from '../../src/load/backfill';
import { readFixtureDir } from '../../src/load/fixtures';
import { loadFixtures } from '../../src/load/load';
import { LINK_PAGE_SIZE } from '../../src/load/plan/links';
import { synthesize, writeFixtureDir } from '../../src/load/synthetic';
import { validate } from '../../src/load/validate';
import { linkCount, rankedLinks, type LinkFilter } from '../../src/store/analyst';
import { linkPageEntries } from '../../src/store/link-pages';
import type { Store } from '../../src/store/open';
import { adHocQuery } from '../helpers/queries';
import { Repository } from '../../src/store/repository';
import { PROJECT_ROOT } from '../../src/paths';
import { describeEachEngine } from '../helpers/engines';

const LINKS = adHocQuery(
  'links',
  'MATCH (l:Link) RETURN l.id AS id, l.scope AS scope, l.companyId AS c, l.companyName AS cn, ' +
    'l.projectId AS p, l.projectName AS pn, l.talks AS t, l.announcements AS a, l.backing AS b, ' +
    'l.weight AS w, l.rank AS r ORDER BY id',
);

const PAGES = adHocQuery(
  'pages',
  'MATCH (p:LinkPage) RETURN p.id AS id, p.scope AS scope, p.links AS links ORDER BY id',
);

function syntheticDir(): string {
  const result = validate(readFixtureDir(join(PROJECT_ROOT, 'fixtures')));
  if (!result.fixtures) throw new Error('real fixtures are invalid');
  const dir = mkdtempSync(join(tmpdir(), 'recap-graph-link-pages-'));
  writeFixtureDir(synthesize(result.fixtures, 3), dir);
  return dir;
}

describeEachEngine('link pages', (engine) => {
  let store: Store;
  let repo: Repository;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    dir = syntheticDir();
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, dir);
    repo = new Repository(store.engine, store.queries);
  }, 120_000);
  afterAll(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The window as the rank query answers it (what every filtered page still uses). */
  const byRank = async (filter: LinkFilter, skip: number, limit: number) =>
    (
      await repo.read('analyst/company-project-links', {
        scope: filter.editionId ?? '*',
        companyId: null,
        projectId: null,
        skip,
        limit,
      })
    ).map((r) => ({
      // The summary's id as the loader writes it: what the link's facts are read by.
      id: `${filter.editionId ?? '*'}|${String(r.company)}|${String(r.project)}`,
      company: r.company,
      project: r.project,
      weight: r.weight,
      companyName: r.companyName,
      projectName: r.projectName,
    }));

  it('answers every window as the rank query does, across pages and past the end', async () => {
    const all: LinkFilter = { editionId: null, companyId: null, projectId: null };
    const total = await linkCount(repo, all);
    expect(total).toBeGreaterThan(2 * LINK_PAGE_SIZE);
    const windows: [number, number][] = [
      [0, 200],
      [0, 201],
      [150, 100],
      [199, 2],
      [200, 200],
      [total - 30, 50],
      [total, 10],
      [total + 500, 10],
      [7, 1],
    ];
    for (const [skip, limit] of windows) {
      const paged = await rankedLinks(repo, all, skip, limit);
      expect([skip, limit, paged]).toEqual([skip, limit, await byRank(all, skip, limit)]);
    }
    // An edition's scope too, and a window that takes one statement per page it spans.
    const edition = String((await repo.all('edition/all', 1))[0]!.id);
    const scoped: LinkFilter = { ...all, editionId: edition };
    expect(await rankedLinks(repo, scoped, 0, 50)).toEqual(await byRank(scoped, 0, 50));
    const counted = new Repository(store.engine, store.queries);
    await rankedLinks(counted, all, 150, 100);
    expect(counted.stats.dbRoundTrips).toBe(2);
  });

  it('hold each link once, in rank order, as the JSON text the reader checks', async () => {
    const [page] = await store.engine.read(
      adHocQuery('page', "MATCH (p:LinkPage {id: '*|0'}) RETURN p.links AS links"),
      {},
    );
    const entries = JSON.parse(String(page!.links)) as unknown[][];
    expect(entries).toHaveLength(LINK_PAGE_SIZE);
    const all: LinkFilter = { editionId: null, companyId: null, projectId: null };
    const ranked = await byRank(all, 0, LINK_PAGE_SIZE);
    expect(entries).toEqual(
      ranked.map((l) => [l.company, l.companyName, l.project, l.projectName, l.weight]),
    );
    expect(linkPageEntries(page!.links)).toHaveLength(LINK_PAGE_SIZE);
  });

  it('that cannot be read are answered by the rank query, and written again at start', async () => {
    const all: LinkFilter = { editionId: null, companyId: null, projectId: null };
    const expected = await byRank(all, 150, 100);
    const loaded = await store.engine.read(PAGES, {});
    const spoil = adHocQuery('spoil', 'MATCH (p:LinkPage {id: $id}) SET p.links = $links', ['id', 'links']);
    // A damaged text, an entry of another shape, and a page of the old layout (no text).
    for (const links of ['[["company:x"', '[["company:x", "X", "project:y", "Y", -1]]', '{}', null]) {
      await store.engine.write((tx) => tx.run(spoil, { id: '*|1', links }));
      const counted = new Repository(store.engine, store.queries);
      expect(await rankedLinks(counted, all, 150, 100)).toEqual(expected);
      // Both pages, then the rank query.
      expect(counted.stats.dbRoundTrips).toBe(3);
    }
    // The old layout: no page holds a text, so the start rewrites them all.
    await store.engine.write((tx) =>
      tx.run(adHocQuery('unlist', 'MATCH (p:LinkPage) SET p.links = NULL'), {}),
    );
    expect(await completeLinks(store.engine, store.queries)).toEqual({ links: 0, pages: loaded.length });
    expect(await store.engine.read(PAGES, {})).toEqual(loaded);
    const counted = new Repository(store.engine, store.queries);
    expect(await rankedLinks(counted, all, 150, 100)).toEqual(expected);
    expect(counted.stats.dbRoundTrips).toBe(2);
  });

  it('are written again at start for a store that has links but no pages, equal to the loaded ones', async () => {
    const loaded = await store.engine.read(PAGES, {});
    expect(loaded.length).toBeGreaterThan(3);
    expect(await completeLinks(store.engine, store.queries)).toEqual({ links: 0, pages: 0 });
    await store.engine.write((tx) => tx.run(adHocQuery('unpage', 'MATCH (p:LinkPage) DELETE p'), {}));
    expect(await store.engine.read(PAGES, {})).toEqual([]);
    expect(await completeLinks(store.engine, store.queries)).toEqual({ links: 0, pages: loaded.length });
    expect(await store.engine.read(PAGES, {})).toEqual(loaded);
    expect(await completeLinks(store.engine, store.queries)).toEqual({ links: 0, pages: 0 });
  });

  it('are derived again at start for a store that has no links, equal to the loaded ones', async () => {
    const links = await store.engine.read(LINKS, {});
    const pages = await store.engine.read(PAGES, {});
    expect(links.length).toBeGreaterThan(LINK_PAGE_SIZE * 2);
    expect(await completeLinks(store.engine, store.queries)).toEqual({ links: 0, pages: 0 });
    await store.engine.write(async (tx) => {
      await tx.run(adHocQuery('unpage', 'MATCH (p:LinkPage) DELETE p'), {});
      await tx.run(adHocQuery('unlink', 'MATCH (l:Link) DELETE l'), {});
    });
    expect(await store.engine.read(LINKS, {})).toEqual([]);
    expect(await completeLinks(store.engine, store.queries)).toEqual({
      links: links.length,
      pages: pages.length,
    });
    expect(await store.engine.read(LINKS, {})).toEqual(links);
    expect(await store.engine.read(PAGES, {})).toEqual(pages);
    expect(await completeLinks(store.engine, store.queries)).toEqual({ links: 0, pages: 0 });
  });
});
