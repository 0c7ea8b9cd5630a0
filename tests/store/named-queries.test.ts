/**
 * Each named read query on its own, against the mini fixtures, with the
 * answer worked out by hand. The table must cover every relationship query
 * the service declares, so a new query cannot arrive untested.
 */
import { loadFixtures } from '../../src/load/load';
import type { Store } from '../../src/store/open';
import { NAME_QUERIES, RELATION_QUERIES, type RelationQuery } from '../../src/store/query-names';
import { uniqueNodes } from '../../src/graphql/loaders';
import { adHocQuery } from '../helpers/queries';
import { Repository } from '../../src/store/repository';
import { KINDS, labelOf } from '../../src/store/kinds';
import {
  EXPLICIT_PATH_HOPS,
  linkFactsByIds,
  linkMatrix,
  rankedLinks,
  shortestPathLength,
  shortestPaths,
  type LinkFilter,
  type MatrixLink,
} from '../../src/store/analyst';
import { bumpGraphVersion, GraphChangedError } from '../../src/store/version';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';
import { EVERY_ROW } from '../../src/graphql/resolvers/shared';

const E18 = 'edition:kubecon-eu-2018';
const N19 = 'edition:kubecon-na-2019';
const E20 = 'edition:kubecon-eu-2020';
const ENVOY_TALK = 'talk:envoy-internals-deep-dive';
const LINKERD_TALK = 'talk:linkerd-conduit-observability';
const SPOTIFY_TALK = 'talk:spotify-ingress-envoy';
const FALCO_TALK = 'talk:shopify-falco';

/** For each query: the ids asked for, and per id the related node ids in the query's order. */
const EXPECTED: Record<RelationQuery, [string[], string[][]]> = {
  'edition/talks': [
    [E18, E20],
    [[ENVOY_TALK, LINKERD_TALK], [FALCO_TALK]],
  ],
  'edition/speakers': [
    [E18, N19],
    [['person:franziska-von-der-goltz', 'person:matt-klein'], []],
  ],
  'edition/companies': [
    [E18, N19],
    [['company:buoyant', 'company:lyft'], ['company:spotify']],
  ],
  'edition/projects': [
    [E18, E20],
    [
      ['project:envoy', 'project:istio', 'project:linkerd', 'project:tokio'],
      ['project:backstage', 'project:falco'],
    ],
  ],
  'edition/articles': [
    [E18, N19],
    [['article:xebia-kubecon-eu-2018-day-2'], ['article:alterway-kubecon-na-2019']],
  ],
  'edition/announcements': [
    [E20, E18],
    [['announcement:backstage-joins-cncf'], []],
  ],
  'edition/figures': [
    [N19, E20],
    [['figure:kubecon-na-2019-attendance'], []],
  ],
  'edition/sponsors': [
    [N19, E18],
    [['company:google'], []],
  ],
  'edition/coverage-projects': [
    [E20, N19],
    [['project:backstage', 'project:falco', 'project:istio', 'project:linkerd'], ['project:envoy']],
  ],
  'edition/projects-all-scopes': [
    [E20, E18],
    [
      ['project:backstage', 'project:falco', 'project:istio', 'project:linkerd'],
      ['project:envoy', 'project:istio', 'project:linkerd', 'project:tokio'],
    ],
  ],
  'edition/companies-all-scopes': [
    [N19, E18],
    [
      ['company:google', 'company:spotify'],
      ['company:buoyant', 'company:lyft'],
    ],
  ],
  'edition/coverage-companies': [
    [N19, E20],
    [
      ['company:google', 'company:spotify'],
      ['company:shopify', 'company:spotify', 'company:sysdig'],
    ],
  ],
  'talk/edition': [
    [FALCO_TALK, ENVOY_TALK],
    [[E20], [E18]],
  ],
  'talk/participants': [
    [FALCO_TALK, SPOTIFY_TALK],
    [['person:kris-nova', 'person:shane-lawrence'], []],
  ],
  'talk/companies': [
    [FALCO_TALK, SPOTIFY_TALK],
    [['company:shopify', 'company:sysdig'], ['company:spotify']],
  ],
  'talk/projects': [
    [ENVOY_TALK, LINKERD_TALK],
    [['project:envoy', 'project:istio', 'project:tokio'], ['project:linkerd']],
  ],
  'talk/mentioned-companies': [
    [SPOTIFY_TALK, ENVOY_TALK],
    [['company:google'], []],
  ],
  'person/talks': [
    ['person:matt-klein', 'person:alexis-chotard'],
    [[ENVOY_TALK], []],
  ],
  'person/affiliations': [['person:kris-nova'], [['company:sysdig']]],
  'person/companies': [
    ['person:shane-lawrence', 'person:alexis-chotard'],
    [['company:shopify'], []],
  ],
  'person/projects': [['person:matt-klein'], [['project:envoy', 'project:istio', 'project:tokio']]],
  'company/people': [
    ['company:buoyant', 'company:xebia'],
    [['person:franziska-von-der-goltz'], []],
  ],
  'company/talks': [
    ['company:spotify', 'company:sysdig'],
    [[SPOTIFY_TALK], [FALCO_TALK]],
  ],
  'company/projects': [
    ['company:spotify', 'company:google'],
    [['project:backstage', 'project:envoy'], []],
  ],
  'company/editions': [
    ['company:lyft', 'company:shopify'],
    [[E18], [E20]],
  ],
  'company/backs': [
    ['company:buoyant', 'company:google'],
    [['project:linkerd'], []],
  ],
  'company/sponsorships': [
    ['company:google', 'company:lyft'],
    [[N19], []],
  ],
  'project/talks': [
    ['project:envoy', 'project:backstage'],
    [[ENVOY_TALK, SPOTIFY_TALK], []],
  ],
  'project/companies': [
    ['project:envoy', 'project:falco'],
    [
      ['company:lyft', 'company:spotify'],
      ['company:shopify', 'company:sysdig'],
    ],
  ],
  'project/editions': [
    ['project:envoy', 'project:backstage'],
    [[E18, N19], [E20]],
  ],
  'project/coverage-editions': [
    ['project:linkerd', 'project:falco'],
    [[E18, E20], [E20]],
  ],
  'project/editions-all-scopes': [
    ['project:istio', 'project:backstage'],
    [[E18, E20], [E20]],
  ],
  'project/announcements': [
    ['project:backstage', 'project:envoy'],
    [['announcement:backstage-joins-cncf'], []],
  ],
  'project/backers': [
    ['project:falco', 'project:istio'],
    [['company:sysdig'], []],
  ],
  'article/publisher': [['article:alterway-kubecon-na-2019'], [['company:alter-way']]],
  'article/edition': [['article:xebia-kubecon-eu-2020-day-1'], [[E20]]],
  'article/mentions': [
    ['article:xebia-kubecon-eu-2020-day-1'],
    [
      [
        'company:shopify',
        'company:spotify',
        'company:sysdig',
        'person:kris-nova',
        'person:shane-lawrence',
        'project:backstage',
        'project:falco',
        'project:istio',
        'project:linkerd',
      ],
    ],
  ],
  'announcement/edition': [['announcement:backstage-joins-cncf'], [[E20]]],
  'announcement/projects': [['announcement:backstage-joins-cncf'], [['project:backstage']]],
  'announcement/companies': [['announcement:backstage-joins-cncf'], [['company:spotify']]],
  'figure/edition': [['figure:kubecon-na-2019-attendance'], [[N19]]],
};

describeEachEngine('named queries', (engine) => {
  let store: Store;
  let repo: Repository;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await engine.open());
    await loadFixtures(store.engine, store.queries, MINI_FIXTURES);
    repo = new Repository(store.engine, store.queries);
  });
  afterAll(() => cleanup());

  it('the table covers every relationship query', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...RELATION_QUERIES].sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, [ids, expected]) => {
    const actual = (await repo.related(name, ids)).map((rows) => [...new Set(rows.map((r) => r.node.id))]);
    expect(actual).toEqual(expected);
  });

  it.each(Object.entries(EXPECTED))(
    '%s answers the same with ids around its own that sort first and last (the range it is bounded by)',
    async (name, [ids, expected]) => {
      // Unknown ids at both ends of every order of strings: one ASCII, one not, one a letter case apart.
      const around = ['\u{1F600}', ...ids, 'a', `${ids[0]!.toUpperCase()}`, 'zz:ünïcode'];
      const actual = (await repo.related(name, around)).map((rows) => [
        ...new Set(rows.map((r) => r.node.id)),
      ]);
      expect(actual).toEqual([[], ...expected, [], [], []]);
    },
  );

  it.each(Object.entries(NAME_QUERIES))(
    '%s asked for names (%s) gives the same ids and names, as stubs',
    async (relation, names) => {
      const label = KINDS[relation.split('/')[0] as keyof typeof KINDS];
      const ids = (
        await store.engine.read(adHocQuery(`ids-${label}`, `MATCH (n:${label}) RETURN n.id AS id`), {})
      ).map((row) => String(row.id));
      const whole = await repo.related(relation, [...ids, 'talk:nobody']);
      const stubs = await repo.relatedNames(names, [...ids, 'talk:nobody']);
      expect(stubs).toEqual(
        whole.map((rows) =>
          uniqueNodes(rows.map((r) => r.node)).map((n) => ({ __label: n.__label, id: n.id, name: n.name })),
        ),
      );
      expect(stubs.flat().length).toBeGreaterThan(1);
    },
  );

  it('project/companies and company/projects, read from the link summaries, give the pairs the relationships give', async () => {
    const walk = adHocQuery(
      'company-project-walk',
      [
        'MATCH (c:Company)-[:BACKS]->(p:Project) RETURN c.id AS company, p.id AS project',
        'UNION MATCH (c:Company)-[:PRESENTED]->(:Talk)-[:MENTIONS]->(p:Project) RETURN c.id AS company, p.id AS project',
        'UNION MATCH (c:Company)<-[:ABOUT]-(:Announcement)-[:ABOUT]->(p:Project) RETURN c.id AS company, p.id AS project',
      ].join(' '),
    );
    const pairs = (await store.engine.read(walk, {})).map((r) => `${r.company} ${r.project}`).sort();
    expect(pairs.length).toBeGreaterThan(5);
    const idsOf = async (label: string) =>
      (await store.engine.read(adHocQuery(`ids-${label}`, `MATCH (n:${label}) RETURN n.id AS id`), {})).map(
        (row) => String(row.id),
      );
    const projects = await idsOf('Project');
    const companies = await idsOf('Company');
    const byProject = await repo.related('project/companies', projects);
    const byCompany = await repo.related('company/projects', companies);
    expect(byProject.flatMap((rows, i) => rows.map((r) => `${r.node.id} ${projects[i]}`)).sort()).toEqual(
      pairs,
    );
    expect(byCompany.flatMap((rows, i) => rows.map((r) => `${companies[i]} ${r.node.id}`)).sort()).toEqual(
      pairs,
    );
  });

  it('link/facts reads the facts stored with each link summary, by link id, in the order asked', async () => {
    const ids = [
      'edition:kubecon-eu-2020|company:spotify|project:backstage',
      '*|company:lyft|project:falco', // no such link: no facts
      '*|company:lyft|project:envoy',
      '*|company:spotify|project:backstage',
    ];
    expect(await linkFactsByIds(repo, ids)).toEqual([
      // Backing belongs to no edition: an edition's link has none.
      { talks: [], announcements: ['announcement:backstage-joins-cncf'], backing: [] },
      { talks: [], announcements: [], backing: [] },
      { talks: [ENVOY_TALK], announcements: [], backing: ['CREATED'] },
      { talks: [], announcements: ['announcement:backstage-joins-cncf'], backing: ['CREATED'] },
    ]);
    // One id alone (Kris Nova presented the Falco talk for Sysdig).
    expect(await linkFactsByIds(repo, ['*|company:sysdig|project:falco'])).toEqual([
      { talks: [FALCO_TALK], announcements: [], backing: ['CREATED'] },
    ]);
  });

  it('linkMatrix reads the ranked links with their facts a window at a time, as one ranking', async () => {
    const ranked = async (filter: LinkFilter) => {
      const links = await rankedLinks(repo, filter, 0, 200);
      const facts = await linkFactsByIds(
        repo,
        links.map((l) => l.id),
      );
      return links.map((l, i) => ({ ...l, ...facts[i] }));
    };
    const whole = async (filter: LinkFilter, window: number) => {
      const windows: MatrixLink[][] = [];
      for await (const links of linkMatrix(repo, filter, window)) windows.push(links);
      return windows;
    };
    const filters: LinkFilter[] = [
      { editionId: null, companyId: null, projectId: null },
      { editionId: E20, companyId: null, projectId: null },
      { editionId: null, companyId: 'company:lyft', projectId: null },
      { editionId: null, companyId: null, projectId: 'project:falco' },
      { editionId: E18, companyId: 'company:lyft', projectId: 'project:envoy' },
      { editionId: N19, companyId: 'company:lyft', projectId: null }, // none
    ];
    for (const filter of filters) {
      const expected = await ranked(filter);
      for (const window of [1, 3, 8, 50]) {
        const windows = await whole(filter, window);
        expect([filter, window, windows.flat()]).toEqual([filter, window, expected]);
        expect(windows.every((w) => w.length > 0 && w.length <= window)).toBe(true);
      }
    }
    expect((await ranked(filters[0]!)).length).toBe(8);
  });

  it('linkMatrix ends with an error when a load completes between two windows', async () => {
    const matrix = linkMatrix(repo, { editionId: null, companyId: null, projectId: null }, 3);
    expect((await matrix.next()).value).toHaveLength(3);
    bumpGraphVersion(store.engine);
    await expect(matrix.next()).rejects.toThrow(GraphChangedError);
  });

  it('linkMatrix ends with an error when a load completes while its last window is read', async () => {
    const read = store.engine.read.bind(store.engine);
    const spy = jest.spyOn(store.engine, 'read').mockImplementation(async (query, params) => {
      const rows = await read(query, params);
      // The second (and last, 3 of 8 links) window's read spans a load's commit.
      if (query.name.startsWith('analyst/company-project-links-after') && params.afterRank !== -1) {
        bumpGraphVersion(store.engine);
      }
      return rows;
    });
    try {
      const matrix = linkMatrix(repo, { editionId: null, companyId: null, projectId: null }, 5);
      expect((await matrix.next()).value).toHaveLength(5);
      await expect(matrix.next()).rejects.toThrow(GraphChangedError);
    } finally {
      spy.mockRestore();
    }
  });

  it('edition/companies-all-scopes is stage ∪ coverage, not the companies a talk there only mentions', async () => {
    // A store of its own: a talk at EU 2020 that mentions Lyft, which neither
    // presents there nor is named by a recap covering it.
    const own = await engine.open();
    try {
      await loadFixtures(own.store.engine, own.store.queries, MINI_FIXTURES);
      const mention = adHocQuery(
        'mention',
        `MATCH (t:Talk {id: '${FALCO_TALK}'}), (c:Company {id: 'company:lyft'}) CREATE (t)-[:MENTIONS]->(c)`,
      );
      await own.store.engine.write((tx) => tx.run(mention, {}));
      const fresh = new Repository(own.store.engine, own.store.queries);
      const editions = [E18, N19, E20];
      const ids = async (name: string) =>
        (await fresh.related(name, editions)).map((rows) => rows.map((r) => r.node.id));
      const stage = await ids('edition/companies');
      const coverage = await ids('edition/coverage-companies');
      const all = await ids('edition/companies-all-scopes');
      expect(all.map((a) => [...a].sort())).toEqual(
        stage.map((s, i) => [...new Set([...s, ...coverage[i]!])].sort()),
      );
      expect(all[2]).not.toContain('company:lyft');
      const mentioned = await fresh.related('talk/mentioned-companies', [FALCO_TALK]);
      expect(mentioned[0]!.map((r) => r.node.id)).toContain('company:lyft');
    } finally {
      await own.cleanup();
    }
  });

  it('node/<kind> returns nodes in the order asked, null where absent', async () => {
    const nodes = await repo.nodesByIds('Person', [
      'person:shane-lawrence',
      'person:nobody',
      'person:kris-nova',
    ]);
    expect(nodes.map((n) => n?.name ?? null)).toEqual(['Shane Lawrence', null, 'Kris Nóva']);
    expect(nodes[2]?.aliases).toEqual(['Kris Nova']);
  });

  it('node/talk gives whole talks, every column but the talk cards (on Kuzu a column read costs its whole table)', async () => {
    const ids = [ENVOY_TALK, 'talk:nobody', FALCO_TALK];
    const talks = await repo.nodesByIds('Talk', ids);
    const whole = await store.engine.read(
      adHocQuery('whole-talks', 'MATCH (n:Talk) WHERE n.id IN $ids RETURN n.id AS key, n AS node', ['ids']),
      { ids },
    );
    const byId = new Map(whole.map((row) => [row.key as string, row.node as Record<string, unknown>]));
    const expected = ids.map((id) => {
      const node = byId.get(id);
      if (!node) return null;
      // Only the cards are left out: every other column of the schema comes back.
      const { participantRows, projectRows, companyRows, ...rest } = node;
      expect([typeof participantRows, typeof projectRows, typeof companyRows]).toEqual([
        'string',
        'string',
        'string',
      ]);
      return expect.objectContaining({ ...rest, __label: 'Talk' });
    });
    expect(talks).toEqual(expected);
    for (const talk of talks.filter(Boolean)) {
      expect(talk).not.toHaveProperty('participantRows');
      expect(talk).not.toHaveProperty('projectRows');
      expect(talk).not.toHaveProperty('companyRows');
      expect(Object.keys(talk!).length).toBe(Object.keys(byId.get(talk!.id)!).length - 3);
    }
  });

  it('node/talk-fields, projected, gives talks as the properties asked for, in the order of the ids', async () => {
    const ids = [FALCO_TALK, 'talk:nobody', ENVOY_TALK];
    const whole = await repo.nodesByIds('Talk', ids);
    for (const properties of [
      ['id', 'title'],
      ['day', 'id', 'kind', 'sources'],
    ]) {
      const partial = await repo.partialTalksByIds(ids, properties);
      expect(partial).toEqual(
        whole.map((talk) =>
          talk ? { __label: 'Talk', ...Object.fromEntries(properties.map((p) => [p, talk[p]])) } : null,
        ),
      );
    }
    // The projection is the statement's: the rows hold those properties and no other.
    const [falco] = await repo.partialTalksByIds([FALCO_TALK, ENVOY_TALK], ['id', 'title']);
    expect(Object.keys(falco!).sort()).toEqual(['__label', 'id', 'title']);
  });

  it('edition/with-talks gives each edition as node/edition does, with its talks as edition/talks gives them', async () => {
    // E18 has two talks, N19 and E20 one each; the second id names no edition. An
    // edition with no talk is in the real fixtures (tests/contract/prefetch.test.ts).
    const ids = [E20, 'edition:nowhere-1999', N19, E18];
    const properties = ['day', 'id', 'title'];
    const found = await Promise.all(ids.map((id) => repo.editionWithTalks(id, properties)));
    const editions = await repo.nodesByIds('Edition', ids);
    const talks = await repo.relatedPartial('edition/talks', ids, properties);
    expect(found.map((row) => row?.edition ?? null)).toEqual(editions);
    expect(found.map((row) => row?.talks ?? [])).toEqual(talks);
    expect(found[1]).toBeNull();
    expect(found[2]?.talks.map((t) => t.id)).toEqual([SPOTIFY_TALK]);
    expect(found[3]?.talks.map((t) => t.id)).toEqual([ENVOY_TALK, LINKERD_TALK]);
    // The talks are read as the properties asked, and nothing else.
    expect(Object.keys(found[0]!.talks[0]!).sort()).toEqual(['__label', ...properties]);
  });

  it('node/one, narrowed to each kind, answers a lone id as the batch query does', async () => {
    const ids = [
      E18,
      'article:xebia-kubecon-eu-2018-day-2',
      ENVOY_TALK,
      'person:kris-nova',
      'company:spotify',
      'project:falco',
      'announcement:backstage-joins-cncf',
      'figure:kubecon-na-2019-attendance',
    ];
    for (const id of ids) {
      const label = labelOf(id)!;
      const fresh = new Repository(store.engine, store.queries);
      const [alone] = await fresh.nodesByIds(label, [id]);
      // The batch query, given a second id that matches nothing.
      const [batched] = await repo.nodesByIds(label, [id, `${id}-absent`]);
      expect(alone).toEqual(batched);
      expect(alone?.id).toBe(id);
      expect(fresh.stats.dbRoundTrips).toBe(1);
    }
    expect(await repo.nodesByIds('Company', ['company:nobody'])).toEqual([null]);
    // A lone id of another kind is not found under this one.
    expect(await repo.nodesByIds('Company', ['project:falco'])).toEqual([null]);
  });

  it('edition/all and article/all list everything in display order, cut after $first', async () => {
    const editions = (await repo.all('edition/all', EVERY_ROW)).map((n) => n.id);
    expect(editions).toEqual([E20, N19, E18]);
    expect((await repo.all('edition/all', 2)).map((n) => n.id)).toEqual(editions.slice(0, 2));
    expect(await repo.all('edition/all', 0)).toEqual([]);
    const articles = (await repo.all('article/all', EVERY_ROW)).map((n) => n.id);
    expect(articles).toHaveLength(3);
    expect((await repo.all('article/all', 1)).map((n) => n.id)).toEqual(articles.slice(0, 1));
  });

  it('list/root-sizes counts the rows edition/all and article/all give uncut', async () => {
    const [sizes] = await repo.read('list/root-sizes', {});
    expect(sizes).toEqual({
      editions: (await repo.all('edition/all', EVERY_ROW)).length,
      articles: (await repo.all('article/all', EVERY_ROW)).length,
    });
  });

  it('list pages and counts agree, with filters bound as null when absent', async () => {
    expect(await repo.count('companies', {})).toBe(8);
    const page = await repo.page('companies', {}, 'NAME', 2, 3);
    expect(page.map((n) => n.name)).toEqual(['Google', 'Lyft', 'Shopify']);
    expect(await repo.count('talks', { projectId: 'project:envoy' })).toBe(2);
    expect(await repo.count('speakers', { nameContains: 'franziska' })).toBe(1);
    expect(await repo.count('projects', { cncf: true, maturity: 'GRADUATED' })).toBe(4);
  });

  it('analyst/path narrowed to its endpoints’ labels finds the same paths as the general one', async () => {
    const pairs = [
      ['company:spotify', 'project:envoy'],
      ['person:matt-klein', 'project:falco'],
      [FALCO_TALK, E18],
      ['project:linkerd', 'company:lyft'],
      ['company:google', 'person:kris-nova'],
    ] as const;
    const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    let found = 0;
    for (const [from, to] of pairs) {
      const params = { from, to, maxHops: 6 };
      const general = await repo.read('analyst/path', params);
      const labels = { a: labelOf(from)!, b: labelOf(to)! };
      const narrow = await repo.read('analyst/path', params, labels);
      expect([from, to, sorted(narrow)]).toEqual([from, to, sorted(general)]);
      found += general.length > 0 ? 1 : 0;
    }
    expect(found).toBeGreaterThanOrEqual(4);
  });

  it('finds by length, then by a pattern of that length, every path the tracked search finds', async () => {
    const ids = [
      'company:spotify',
      'project:envoy',
      'person:matt-klein',
      'project:falco',
      FALCO_TALK,
      ENVOY_TALK,
      E18,
      'project:linkerd',
      'company:lyft',
      'company:google',
      'person:kris-nova',
      'article:xebia-kubecon-eu-2018-day-2',
    ];
    const seen = new Map<number | null, number>();
    const rows = (value: unknown) => (Array.isArray(value) ? value : []);
    const key = (paths: unknown[]) => paths.map((p) => JSON.stringify(p)).sort();
    for (const from of ids) {
      for (const to of ids) {
        if (from === to) continue;
        const labels = { a: labelOf(from)!, b: labelOf(to)! };
        // The oracle: every shortest path, tracked by the engine in one search.
        const tracked = (await repo.read('analyst/path', { from, to, maxHops: 6 }, labels)).map((r) => {
          const rels = rows(r.rels) as Array<Record<string, unknown>>;
          return {
            ids: rows(r.ids),
            types: rels.map((rel) => rel.__type),
            sources: rels.map((rel) => rows(rel.sources)),
            references: rels.map((rel) => rel.reference ?? null),
          };
        });
        const shortest = await shortestPathLength(repo, from, to);
        const length = shortest?.length ?? null;
        seen.set(length, (seen.get(length) ?? 0) + 1);
        expect([from, to, length]).toEqual([from, to, tracked[0] ? tracked[0].types.length : null]);
        // The paths the first step brought (Neo4j), and those the second step reads, both.
        const read = length === null ? [] : await shortestPaths(repo, from, to, length);
        const found = shortest?.paths ?? read;
        if (shortest?.paths) expect([from, to, key(read)]).toEqual([from, to, key(shortest.paths)]);
        expect([from, to, key(found)]).toEqual([from, to, key(tracked)]);
      }
    }
    // Every explicit length was exercised, and the tracked search beyond them.
    for (let hops = 1; hops <= EXPLICIT_PATH_HOPS; hops++)
      expect([hops, seen.get(hops) ?? 0]).not.toEqual([hops, 0]);
    expect([...seen.keys()].some((hops) => hops !== null && hops > EXPLICIT_PATH_HOPS)).toBe(true);
  });

  it('counts its round trips', async () => {
    const fresh = new Repository(store.engine, store.queries);
    await fresh.count('talks', {});
    await fresh.related('talk/projects', [ENVOY_TALK]);
    expect(fresh.stats.dbRoundTrips).toBe(2);
    expect(fresh.stats.dbMs).toBeGreaterThan(0);
  });
});
