/**
 * The Kuzu adapter's own promises: values normalised at the boundary, the
 * parameter traps of Kuzu 0.11.3 turned into errors instead of crashes, and
 * transactions that really roll back.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KuzuEngine, pagedOnce, PREPARED_PER_CONNECTION } from '../../src/store/kuzu/engine';
import { adHocQuery, TOKEN_INDEXES } from '../helpers/queries';
import { TALK_LIST_QUERIES } from '../../src/store/query-names';
import { queriesFor } from '../../src/store/open';
import { pruned, QueryRegistry, subqueryOnlyParams } from '../../src/store/queries';
import { StoreError, StoreUnavailableError } from '../../src/errors';
import { loadFixtures } from '../../src/load/load';
import { MINI_FIXTURES } from '../helpers/engines';
import { witnessRow } from '../../src/load/columns';
import { queryTokens } from '../../src/search/tokens';
import { linkPageEntries } from '../../src/store/link-pages';
import { completeLinks } from '../../src/load/backfill';
import kuzu, { type Database } from 'kuzu';

const DIRECT_FILTER = { editionId: null, kind: null, titleContains: null, sort: 'NEWEST' };

describe('Kuzu adapter', () => {
  const queries = queriesFor('kuzu');
  let dir: string;
  let engine: KuzuEngine;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'recap-graph-kuzu-'));
    engine = await KuzuEngine.open(join(dir, 'db.kuzu'), queries);
    await loadFixtures(engine, queries, MINI_FIXTURES);
  });
  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns nodes as plain objects with numbers, ISO dates and their label', async () => {
    const [row] = await engine.read(queries.get('node/edition'), { ids: ['edition:kubecon-na-2019'] });
    expect(row!.node).toMatchObject({
      __label: 'Edition',
      id: 'edition:kubecon-na-2019',
      year: 2019,
      attendees: 12000,
      startDate: '2019-11-18',
    });
    expect(typeof (row!.node as { year: unknown }).year).toBe('number');
    expect(Object.keys(row!.node as object).some((k) => k.startsWith('_') && k !== '__label')).toBe(false);
  });

  it('returns relationships with their type and properties', async () => {
    const rows = await engine.read(queries.get('talk/participants'), {
      ids: ['talk:envoy-internals-deep-dive'],
    });
    expect(rows[0]!.rel).toMatchObject({ __type: 'PRESENTED', role: 'SPEAKER' });
  });

  it('refuses an empty or null IN-list instead of crashing the process', async () => {
    await expect(engine.read(queries.get('node/person'), { ids: [] })).rejects.toThrow(StoreError);
    await expect(engine.read(queries.get('node/person'), { ids: null })).rejects.toThrow(
      /\$ids must be a non-empty list/,
    );
  });

  it('never sends a SKIP: every paged query holds one SKIP $skip LIMIT $limit, which it windows itself', async () => {
    const paged = queries.all().filter((q) => q.text.includes('$skip'));
    expect(paged.map((q) => q.name).sort()).toEqual(
      [
        'analyst/company-project-links',
        'list/companies',
        'list/projects',
        'list/speakers',
        ...TALK_LIST_QUERIES.filter((name) => !name.endsWith('-count')),
      ].sort(),
    );
    for (const q of paged) expect([q.name, pagedOnce(q.text)]).toEqual([q.name, true]);
    // The talk pages cut before matching editions or counting: the window must still be a slice.
    for (const name of [
      'list/talks-unfiltered',
      'list/talks-unfiltered-counted',
      'list/talks-direct',
      'list/talks-direct-counted',
    ]) {
      const filter = name.includes('unfiltered') ? { sort: 'NEWEST' } : DIRECT_FILTER;
      const whole = await engine.read(queries.get(name), { ...filter, skip: 0, limit: 4 });
      expect(whole).toHaveLength(4);
      const window = await engine.read(queries.get(name), { ...filter, skip: 1, limit: 2 });
      expect([name, window]).toEqual([name, whole.slice(1, 3)]);
    }
    const params = { nameContains: null, companyId: null, editionId: null, sort: 'NAME' };
    const all = await engine.read(queries.get('list/speakers'), { ...params, skip: 0, limit: 100 });
    expect(all.length).toBeGreaterThan(2);
    const window = await engine.read(queries.get('list/speakers'), { ...params, skip: 1, limit: 2 });
    expect(window).toEqual(all.slice(1, 3));
    // Far past the end (SKIP 3,800 crashed Kuzu 0.11.3 on these fixtures five times in six).
    expect(
      await engine.read(queries.get('list/talks-direct'), { ...DIRECT_FILTER, skip: 3800, limit: 101 }),
    ).toEqual([]);
  });

  it('fails on a parameter a WHERE uses only inside a subquery, which pruned() never leaves', async () => {
    // The Kuzu 0.11.3 trap Guard.on and pruned() avoid (src/store/queries.ts): $e used
    // only inside EXISTS, while the same WHERE tests another parameter.
    const guarded = [
      'MATCH (p:Project)',
      'WHERE ($q IS NULL OR p.name CONTAINS $q)',
      '  AND ($e IS NULL OR p.id IS NOT NULL)',
      '  AND (EXISTS { MATCH (p)<-[:MENTIONS]-(t:Talk) WHERE t.editionId = $e })',
      'RETURN p.id AS id',
    ];
    const trapped = [guarded[0], 'WHERE (p.name CONTAINS $q)', guarded[3], guarded[4]].join('\n');
    const params = { q: 'e', e: 'edition:kubecon-eu-2018' };
    await expect(engine.read(adHocQuery('trapped', trapped, ['q', 'e']), params)).rejects.toThrow(
      /Parameter e not found/,
    );
    expect(subqueryOnlyParams(trapped)).toEqual(['e']);
    // Reducing line 1 and dropping line 2 would give `trapped`: the file runs as written.
    const cypher = mkdtempSync(join(tmpdir(), 'recap-graph-cypher-'));
    try {
      mkdirSync(join(cypher, 'a'));
      writeFileSync(join(cypher, 'a', 'q.cypher'), guarded.join('\n'));
      const file = QueryRegistry.load('kuzu', [], cypher).get('a/q');
      const run = pruned(file, params);
      expect(run.query).toBe(file);
      const ids = (await engine.read(run.query, run.params)).map((r) => r.id).sort();
      const oracle = await engine.read(
        adHocQuery(
          'oracle',
          "MATCH (p:Project)<-[:MENTIONS]-(t:Talk {editionId: 'edition:kubecon-eu-2018'}) " +
            "WHERE p.name CONTAINS 'e' RETURN DISTINCT p.id AS id",
        ),
        {},
      );
      expect(ids.length).toBeGreaterThan(0);
      expect(ids).toEqual(oracle.map((r) => r.id).sort());
    } finally {
      rmSync(cypher, { recursive: true, force: true });
    }
  });

  it('refuses unbound or extra parameters with the query’s name', async () => {
    await expect(engine.read(queries.get('node/person'), {})).rejects.toThrow(/node\/person.*missing \$ids/);
  });

  it('stores an empty list parameter as null, read back as [] by the repository', async () => {
    await engine.write((tx) =>
      tx.run(queries.get('load/person'), {
        rows: [
          witnessRow('Person', ['id', 'name', 'aliases', 'searchText', 'searchTokens']),
          {
            id: 'person:no-alias',
            name: 'No Alias',
            aliases: [],
            searchText: 'no alias',
            searchTokens: 'xno xalias',
          },
        ],
      }),
    );
    const [row] = await engine.read(queries.get('node/person'), { ids: ['person:no-alias'] });
    expect((row!.node as { aliases: unknown }).aliases).toBeNull();
  });

  it('rolls back a transaction whose work throws', async () => {
    await expect(
      engine.write(async (tx) => {
        await tx.run(queries.get('load/person'), {
          rows: [
            {
              id: 'person:ghost',
              name: 'Ghost',
              aliases: ['x'],
              searchText: 'ghost',
              searchTokens: 'xghost',
            },
          ],
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await engine.read(queries.get('node/person'), { ids: ['person:ghost'] })).toEqual([]);
  });

  it('keeps a bounded number of prepared statements per connection, preparing an evicted one again', async () => {
    const query = (i: number) => adHocQuery(`prepared-${i}`, `RETURN ${i} AS n`);
    for (let i = 0; i < 1700; i++) expect(await engine.read(query(i), {})).toEqual([{ n: i }]);
    const lanes = (engine as unknown as { readers: { prepared: { size: number } }[] }).readers;
    for (const lane of lanes) expect(lane.prepared.size).toBeLessThanOrEqual(PREPARED_PER_CONNECTION);
    expect(lanes.some((lane) => lane.prepared.size === PREPARED_PER_CONNECTION)).toBe(true);
    // The first ones were evicted: they are prepared again and still answer.
    expect(await engine.read(query(0), {})).toEqual([{ n: 0 }]);
  });

  it('answers ping, and refuses work once closed', async () => {
    await expect(engine.ping()).resolves.toBeUndefined();
    const other = await KuzuEngine.open(':memory:', queries);
    await other.close();
    await expect(other.ping()).rejects.toThrow(StoreUnavailableError);
    await expect(other.read(queries.get('edition/all'), { first: 1 })).rejects.toThrow(StoreUnavailableError);
  });
});

describe('Kuzu adapter, a store an earlier version indexed', () => {
  const queries = queriesFor('kuzu');

  it('drops the full-text indexes this version no longer reads, keeps its own, and search finds what they hold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recap-graph-kuzu-retired-'));
    try {
      const path = join(dir, 'db.kuzu');
      let engine = await KuzuEngine.open(path, queries);
      await loadFixtures(engine, queries, MINI_FIXTURES);
      // The index 0.1 to 0.x created, over the search text itself: a raw connection, as
      // CREATE_FTS_INDEX cannot be prepared.
      const connection = new kuzu.Connection((engine as unknown as { database: Database }).database);
      const created = await connection.query("CALL CREATE_FTS_INDEX('Talk', 'talk_search', ['searchText'])");
      (Array.isArray(created) ? created : [created]).forEach((r) => r.close());
      await connection.close();
      const names = async () =>
        (await engine.read(queries.get('search/index-names'), {})).map((r) => String(r.name)).sort();
      expect(await names()).toContain('talk_search');
      await engine.close();

      const logged: string[] = [];
      engine = await KuzuEngine.open(path, queries, 64, (line) => logged.push(line));
      await engine.ensureSchema();
      try {
        expect(await names()).toEqual(TOKEN_INDEXES);
        expect(logged.some((line) => line.includes('talk_search'))).toBe(true);
        const hits = await engine.read(queries.get('search/query'), { q: queryTokens(['envoy']), k: 10 });
        expect(hits.map((h) => h.id)).toContain('project:envoy');
      } finally {
        await engine.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Kuzu adapter, a store whose link pages held parallel lists', () => {
  const queries = queriesFor('kuzu');
  const OLD_COLUMNS = ['companyIds', 'companyNames', 'projectIds', 'projectNames', 'weights'];

  it('gains the text beside the lists, bulk-loads into it when empty, and rewrites its pages through a checkpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recap-graph-kuzu-pages-'));
    try {
      const path = join(dir, 'db.kuzu');
      // The table as earlier versions created it, with one page of that layout.
      const database = new kuzu.Database(path);
      const connection = new kuzu.Connection(database);
      for (const statement of [
        'CREATE NODE TABLE LinkPage(id STRING, scope STRING, companyIds STRING[], companyNames STRING[], ' +
          'projectIds STRING[], projectNames STRING[], weights STRING[], PRIMARY KEY(id))',
        "CREATE (:LinkPage {id: 'edition:old|0', scope: 'edition:old', companyIds: ['company:a'], " +
          "companyNames: ['A'], projectIds: ['project:b'], projectNames: ['B'], weights: ['1']})",
      ]) {
        const result = await connection.query(statement);
        (Array.isArray(result) ? result : [result]).forEach((r) => r.close());
      }
      await connection.close();
      await database.close();

      let engine = await KuzuEngine.open(path, queries);
      try {
        await engine.ensureSchema();
        const columns = await engine.read(
          adHocQuery('columns', "CALL table_info('LinkPage') RETURN name ORDER BY `property id`"),
          {},
        );
        expect(columns.map((c) => c.name)).toEqual(['id', 'scope', ...OLD_COLUMNS, 'links']);
        const pages = adHocQuery(
          'pages',
          'MATCH (p:LinkPage) RETURN p.id AS id, p.links AS links ORDER BY id',
        );
        expect(await engine.read(pages, {})).toEqual([{ id: 'edition:old|0', links: null }]);
        // Link pages do not make a store look loaded: the first load takes the bulk path,
        // whose COPY names the columns it writes, leaving the lists null.
        await engine.write((tx) => tx.run(adHocQuery('unpage', 'MATCH (p:LinkPage) DELETE p'), {}));
        const loaded = await loadFixtures(engine, queries, MINI_FIXTURES);
        expect(loaded.mode).toBe('bulk');
        const ranked = await engine.read(queries.get('analyst/company-project-links'), {
          scope: '*',
          companyId: null,
          projectId: null,
          skip: 0,
          limit: 200,
        });
        expect(ranked.length).toBeGreaterThan(0);
        const [first] = await engine.read(queries.get('analyst/company-project-link-page'), { id: '*|0' });
        expect(linkPageEntries(first!.links)).toEqual(
          ranked.map((r) => ({
            companyId: r.company,
            companyName: r.companyName,
            projectId: r.project,
            projectName: r.projectName,
            weight: r.weight,
          })),
        );
        // Pages of the old layout are rewritten at start, and the write checkpoints, as every
        // write does (with a column dropped, that checkpoint crashed the process); they are
        // there when the store opens again.
        const written = await engine.read(pages, {});
        await engine.write((tx) => tx.run(adHocQuery('unlist', 'MATCH (p:LinkPage) SET p.links = NULL'), {}));
        expect(await completeLinks(engine, queries)).toEqual({ links: 0, pages: written.length });
        await engine.close();
        engine = await KuzuEngine.open(path, queries);
        expect(await engine.read(pages, {})).toEqual(written);
      } finally {
        await engine.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
