/**
 * The graph-view API on every engine: Node.label / Node.type, neighborhood,
 * Path.subgraph and companyProjectLinksConnection. Exact answers were worked
 * out by hand from tests/fixtures/mini (see tests/contract/analyst.test.ts
 * for its link facts); ranking, cuts and pages are also checked on the five
 * recaps, where relationships carry different numbers of sources.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';
import { graphqlOn } from '../helpers/graphql';
import { Repository } from '../../src/store/repository';
import { neighbors } from '../../src/store/analyst';
import { ENTITY_TYPES } from '../../src/graphql/resolvers/shared';

type Edge = {
  from: string;
  to: string;
  relation: string;
  weight: number;
  sources: { locator: string; article?: { id: string } }[];
};
type Graph = { truncated: boolean; nodes: { id: string; type: string; label: string }[]; edges: Edge[] };

const NEIGHBORHOOD = `query($id: ID!, $depth: Int, $types: [EntityType!], $first: Int) {
  neighborhood(id: $id, depth: $depth, types: $types, first: $first) {
    truncated nodes { id type label } edges { from to relation weight sources { locator article { id } } } } }`;

const ids = (g: Graph) => g.nodes.map((n) => n.id);
const edgeKeys = (g: Graph) => g.edges.map((e) => `${e.from} -${e.relation}-> ${e.to}`);

describeEachEngine('graph view API', (engine) => {
  const client = graphqlOn(engine, MINI_FIXTURES);
  const hood = async (variables: Record<string, unknown>): Promise<Graph> =>
    (await client.ok(NEIGHBORHOOD, variables)).neighborhood;

  describe('Node.label and Node.type', () => {
    it.each([
      ['edition:kubecon-eu-2018', 'EDITION', 'KubeCon + CloudNativeCon Europe 2018'],
      ['talk:spotify-ingress-envoy', 'TALK', 'How Spotify migrated Ingress HTTP Systems to Envoy'],
      ['person:kris-nova', 'PERSON', 'Kris Nóva'],
      ['company:spotify', 'COMPANY', 'Spotify'],
      ['project:envoy', 'PROJECT', 'Envoy'],
      ['article:alterway-kubecon-na-2019', 'ARTICLE', 'KubeCon San Diego Recap'],
      [
        'announcement:backstage-joins-cncf',
        'ANNOUNCEMENT',
        'Spotify gives its developer portal to the foundation.',
      ],
    ])('%s reads as a %s named by itself', async (id, type, label) => {
      const data = await client.ok(`query($id: ID!) { node(id: $id) { id type label } }`, { id });
      expect(data.node).toEqual({ id, type, label });
    });

    it('names a figure by its label, and every step of a path without fragments', async () => {
      const figure = await client.ok(`{ node(id: "figure:kubecon-na-2019-attendance") { type label } }`);
      expect(figure.node.type).toBe('FIGURE');
      expect(figure.node.label).toEqual(expect.any(String));
      expect(figure.node.label.length).toBeGreaterThan(0);
      const data = await client.ok(
        `{ path(from: "company:spotify", to: "project:envoy") { steps { from { type label } relation to { type label } } } }`,
      );
      expect(
        data.path.steps.map(
          (s: { from: { label: string }; relation: string; to: { label: string } }) =>
            `${s.from.label} -${s.relation}-> ${s.to.label}`,
        ),
      ).toEqual([
        'Spotify -PRESENTED-> How Spotify migrated Ingress HTTP Systems to Envoy',
        'How Spotify migrated Ingress HTTP Systems to Envoy -MENTIONS-> Envoy',
      ]);
    });
  });

  describe('neighborhood', () => {
    it("draws Spotify's direct neighbours with every edge in its stored direction and its sources", async () => {
      const g = await hood({ id: 'company:spotify' });
      expect(g.truncated).toBe(false);
      expect(g.nodes[0]).toEqual({ id: 'company:spotify', type: 'COMPANY', label: 'Spotify' });
      expect(ids(g).sort()).toEqual([
        'announcement:backstage-joins-cncf',
        'article:alterway-kubecon-na-2019',
        'article:xebia-kubecon-eu-2020-day-1',
        'company:spotify',
        'project:backstage',
        'talk:spotify-ingress-envoy',
      ]);
      // Those from the centre, and those between its neighbours (Backstage is what both the
      // announcement and the Xebia article are about).
      expect(edgeKeys(g).sort()).toEqual([
        'announcement:backstage-joins-cncf -ABOUT-> company:spotify',
        'announcement:backstage-joins-cncf -ABOUT-> project:backstage',
        'article:alterway-kubecon-na-2019 -MENTIONS-> company:spotify',
        'article:xebia-kubecon-eu-2020-day-1 -MENTIONS-> company:spotify',
        'article:xebia-kubecon-eu-2020-day-1 -MENTIONS-> project:backstage',
        'company:spotify -BACKS-> project:backstage',
        'company:spotify -PRESENTED-> talk:spotify-ingress-envoy',
      ]);
      const presented = g.edges.find((e) => e.relation === 'PRESENTED');
      expect(presented).toMatchObject({ weight: 1, sources: [{ locator: '¶10' }] });
    });

    it('walks two hops only through the types asked for; an empty list means every type', async () => {
      const g = await hood({ id: 'project:envoy', depth: 2, types: ['TALK', 'COMPANY'] });
      expect(g.nodes[0]?.id).toBe('project:envoy');
      expect(ids(g).slice(1).sort()).toEqual([
        'company:google',
        'company:lyft',
        'company:spotify',
        'talk:envoy-internals-deep-dive',
        'talk:spotify-ingress-envoy',
      ]);
      expect(g.nodes.slice(1).every((n) => n.type === 'TALK' || n.type === 'COMPANY')).toBe(true);
      // Depth 2 reaches Spotify through its talk, and draws the edges between kept nodes.
      expect(edgeKeys(g)).toEqual(
        expect.arrayContaining([
          'company:spotify -PRESENTED-> talk:spotify-ingress-envoy',
          'talk:spotify-ingress-envoy -MENTIONS-> company:google',
          'company:lyft -BACKS-> project:envoy',
        ]),
      );
      expect(await hood({ id: 'company:spotify', types: [] })).toEqual(await hood({ id: 'company:spotify' }));
      expect(ids(await hood({ id: 'company:spotify', types: ['PERSON'] }))).toEqual(['company:spotify']);
    });

    it('stops at `first` nodes besides the centre and says it cut', async () => {
      const none = await hood({ id: 'company:spotify', first: 0 });
      expect(none).toMatchObject({ truncated: true, nodes: [{ id: 'company:spotify' }], edges: [] });
      const all = await hood({ id: 'company:spotify', depth: 2, first: 200 });
      expect(all.truncated).toBe(false);
      const cut = await hood({ id: 'company:spotify', depth: 2, first: 6 });
      expect(cut.truncated).toBe(true);
      expect(cut.nodes).toHaveLength(7);
      // The five direct neighbours come before anything two hops away.
      expect(ids(cut).slice(0, 6).sort()).toEqual(ids(await hood({ id: 'company:spotify' })).sort());
      expect(ids(all)).toEqual(expect.arrayContaining(ids(cut)));
      for (const e of cut.edges) expect(ids(cut)).toEqual(expect.arrayContaining([e.from, e.to]));
    });

    it('says it cut when the first hop fills `first` exactly and the next hop has more', async () => {
      const direct = await hood({ id: 'company:lyft' });
      const n = direct.nodes.length - 1;
      expect(direct.truncated).toBe(false);
      expect((await hood({ id: 'company:lyft', depth: 2, first: 200 })).nodes.length - 1).toBeGreaterThan(n);
      const full = await hood({ id: 'company:lyft', depth: 2, first: n });
      expect(full.truncated).toBe(true);
      expect(ids(full).sort()).toEqual(ids(direct).sort());
      // The second hop's relationships between the direct neighbours are drawn, as with room to spare.
      const roomy = await hood({ id: 'company:lyft', depth: 2, first: 200 });
      const keptOnly = roomy.edges.filter((e) => ids(full).includes(e.from) && ids(full).includes(e.to));
      expect(edgeKeys(full).sort()).toEqual(edgeKeys({ ...roomy, edges: keptOnly }).sort());
    });

    it('costs one round trip per hop, plus the centre, plus one per kind of node asked for more than its name', async () => {
      const q = (more: string) =>
        `{ neighborhood(id: "company:spotify", depth: 2) { nodes { id label type ${more} } edges { from to weight } } }`;
      const named = await client.run(q(''));
      expect(named.errors).toBeUndefined();
      // The centre (1), two hops (2), the relationships among the last hop's nodes (1): the hops
      // read each node's label properties, so a graph view's nodes need nothing more.
      expect(named.stats.dbRoundTrips).toBe(4);
      const result = await client.run(q('... on Company { homepage }'));
      expect(result.errors).toBeUndefined();
      const kinds = new Set((result.data.neighborhood as Graph).nodes.slice(1).map((n) => n.type));
      // Then the kept nodes, whole, in one batch per kind.
      expect(result.stats.dbRoundTrips).toBe(4 + kinds.size);
      expect(result.stats.dbRoundTrips).toBeLessThanOrEqual(4 + 8);
    });

    it('refuses depth above 2, first above 200, and names an unknown entity', async () => {
      const tooDeep = await client.run(NEIGHBORHOOD, { id: 'company:spotify', depth: 3 });
      expect(tooDeep.errors?.[0]).toMatchObject({
        message: 'depth must be between 1 and 2 (got 3)',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const tooMany = await client.run(NEIGHBORHOOD, { id: 'company:spotify', first: 201 });
      expect(tooMany.errors?.[0]?.message).toBe('first must be between 0 and 200 (got 201)');
      const missing = await client.run(NEIGHBORHOOD, { id: 'company:nobody' });
      expect(missing.errors?.[0]).toMatchObject({
        message: 'id: no Company with id company:nobody',
        extensions: { code: 'NOT_FOUND' },
      });
      const notAnId = await client.run(NEIGHBORHOOD, { id: 'spotify' });
      expect(notAnId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('Path.subgraph', () => {
    const q = `query($from: ID!, $to: ID!) { path(from: $from, to: $to) {
      subgraph { truncated nodes { id type label } edges { from to relation weight sources { locator } } } } }`;

    it('gives the path Spotify → Envoy as nodes and edges', async () => {
      const g = (await client.ok(q, { from: 'company:spotify', to: 'project:envoy' })).path.subgraph;
      expect(g).toEqual({
        truncated: false,
        nodes: [
          { id: 'company:spotify', type: 'COMPANY', label: 'Spotify' },
          {
            id: 'talk:spotify-ingress-envoy',
            type: 'TALK',
            label: 'How Spotify migrated Ingress HTTP Systems to Envoy',
          },
          { id: 'project:envoy', type: 'PROJECT', label: 'Envoy' },
        ],
        edges: [
          {
            from: 'company:spotify',
            to: 'talk:spotify-ingress-envoy',
            relation: 'PRESENTED',
            weight: 1,
            sources: [{ locator: '¶10' }],
          },
          {
            from: 'talk:spotify-ingress-envoy',
            to: 'project:envoy',
            relation: 'MENTIONS',
            weight: 1,
            sources: [{ locator: '¶12' }],
          },
        ],
      });
    });

    it('keeps the stored direction of a step walked backwards, and one node for a path to itself', async () => {
      const back = (await client.ok(q, { from: 'project:falco', to: 'company:sysdig' })).path.subgraph;
      expect(edgeKeys(back)).toEqual(['company:sysdig -BACKS-> project:falco']);
      expect(back.edges[0].weight).toBe(1); // reference data, no recap paragraph: still one fact
      const self = (await client.ok(q, { from: 'project:envoy', to: 'project:envoy' })).path.subgraph;
      expect(self).toEqual({
        truncated: false,
        nodes: [{ id: 'project:envoy', type: 'PROJECT', label: 'Envoy' }],
        edges: [],
      });
    });
  });

  describe('companyProjectLinksConnection', () => {
    const q = `query($e: ID, $c: ID, $p: ID, $first: Int, $after: String) {
      companyProjectLinksConnection(editionId: $e, companyId: $c, projectId: $p, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { company { label } project { label } weight talks { id } backing } } } }`;
    type Page = {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { company: { label: string }; project: { label: string }; weight: number } }[];
    };
    const page = async (v: Record<string, unknown>): Promise<Page> =>
      (await client.ok(q, v)).companyProjectLinksConnection;
    const names = (p: Page) =>
      p.edges.map((e) => `${e.node.company.label}→${e.node.project.label}:${e.node.weight}`);

    it('pages through the same links, in the same order, as the list, with a total', async () => {
      const one = await page({ first: 3 });
      expect(one.totalCount).toBe(8);
      expect(one.pageInfo.hasNextPage).toBe(true);
      const two = await page({ first: 3, after: one.pageInfo.endCursor });
      const three = await page({ first: 3, after: two.pageInfo.endCursor });
      expect(three.pageInfo.hasNextPage).toBe(false);
      expect(three.edges).toHaveLength(2);
      expect([...names(one), ...names(two), ...names(three)]).toEqual([
        'Buoyant→Linkerd:2',
        'Lyft→Envoy:2',
        'Spotify→Backstage:2',
        'Sysdig→Falco:2',
        'Lyft→Istio:1',
        'Lyft→Tokio:1',
        'Shopify→Falco:1',
        'Spotify→Envoy:1',
      ]);
      expect(one.edges[0]?.node).toMatchObject({
        talks: [{ id: 'talk:linkerd-conduit-observability' }],
        backing: ['CREATED'],
      });
    });

    it('filters like the list and counts under the filter', async () => {
      const eu2020 = await page({ e: 'edition:kubecon-eu-2020' });
      expect(eu2020.totalCount).toBe(3);
      expect(names(eu2020)).toEqual(['Shopify→Falco:1', 'Spotify→Backstage:1', 'Sysdig→Falco:1']);
      expect((await page({ p: 'project:falco' })).totalCount).toBe(2);
      expect((await page({ c: 'company:lyft', first: 0 })).totalCount).toBe(3);
    });

    it('refuses a foreign cursor and a page over 200', async () => {
      const talks = await client.ok(`{ talks(first: 1) { pageInfo { endCursor } } }`);
      const foreign = await client.run(q, { after: talks.talks.pageInfo.endCursor });
      expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await client.run(q, { after: 'nonsense' })).errors?.[0]?.extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
      expect((await client.run(q, { first: 201 })).errors?.[0]?.message).toBe(
        'first must be between 0 and 200 (got 201)',
      );
    });
  });
});

describeEachEngine('graph view API on the five recaps', (engine) => {
  const client = graphqlOn(engine, join(PROJECT_ROOT, 'fixtures'));

  it('cuts the list at 50 by default, while the connection counts all 145 links and pages them in order', async () => {
    const listed =
      await client.ok(`{ all: companyProjectLinks(first: 200) { company { id } project { id } weight }
      cut: companyProjectLinks { weight } }`);
    expect(listed.cut).toHaveLength(50);
    const key = (l: { company: { id: string }; project: { id: string }; weight: number }) =>
      `${l.company.id} ${l.project.id} ${l.weight}`;
    const q = `query($after: String) { companyProjectLinksConnection(first: 50, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { company { id } project { id } weight } } } }`;
    const paged: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 5; i += 1) {
      const c: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: Parameters<typeof key>[0] }[];
      } = (await client.ok(q, { after })).companyProjectLinksConnection;
      total = c.totalCount;
      paged.push(...c.edges.map((e) => key(e.node)));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(total).toBe(listed.all.length);
    // 145 and 33: the speakers' companies confirmed in issue 12 (Rita Zhang/Microsoft and Max Smythe/Google
    // on an OPA talk at EU 2019, Liz Rice/Aqua Security at EU 2018) present the projects their talks mention.
    expect(total).toBe(145);
    expect(paged).toEqual(listed.all.map(key));
    const eu2019 = await client.ok(
      `{ companyProjectLinksConnection(editionId: "edition:kubecon-eu-2019") { totalCount } }`,
    );
    expect(eu2019.companyProjectLinksConnection.totalCount).toBe(33);
  });

  it.each([
    ['project:kubernetes', 2, 200],
    ['company:spotify', 1, 50],
    ['edition:kubecon-eu-2019', 1, 100],
  ])(
    'names the nodes of %s (depth %d, first %d) from its hops, as the nodes loaded whole name them',
    async (id, depth, first) => {
      const asked = (more: string) => `query($id: ID!, $depth: Int, $first: Int) {
        neighborhood(id: $id, depth: $depth, first: $first) { nodes { __typename id type label ${more} } } }`;
      const light = await client.run(asked(''), { id, depth, first });
      // One field more (through a fragment): every kept node is loaded whole, by its label.
      const whole = await client.run(asked('... on Talk { kind } ... on Person { aliases }'), {
        id,
        depth,
        first,
      });
      const loads = (statements: string[]) => statements.filter((s) => s.startsWith('node/'));
      // The centre's own lookup, and nothing else: no node is read again for its label.
      expect(loads(light.stats.statements)).toEqual([loads(whole.stats.statements)[0]]);
      expect(loads(whole.stats.statements).length).toBeGreaterThan(2);
      type Named = { __typename: string; id: string; type: string; label: string };
      const nodes = (r: typeof light) => (r.data.neighborhood as { nodes: Named[] }).nodes;
      expect(nodes(light)).toEqual(
        nodes(whole).map(({ __typename, id: nodeId, type, label }) => ({
          __typename,
          id: nodeId,
          type,
          label,
        })),
      );
      // Every kind the walk reaches is named, not left as its id.
      expect(new Set(nodes(light).map((n) => n.type)).size).toBeGreaterThan(3);
      for (const n of nodes(light)) expect(n.label).not.toBe(n.id);
    },
  );

  it.each([
    ['company:spotify', 1, 50],
    ['company:spotify', 2, 12],
    ['project:kubernetes', 2, 200],
    ['company:google', 2, 30],
  ])(
    'holds every relationship between the nodes it gives (%s, depth %d, first %d)',
    async (id, depth, first) => {
      const g: Graph = (await client.ok(NEIGHBORHOOD, { id, depth, first })).neighborhood;
      // Every relationship of every node given, read in one hop from all of them, kept when both ends are.
      const { engine: store, queries } = client.store();
      const rows = await neighbors(new Repository(store, queries), ids(g), Object.keys(ENTITY_TYPES));
      const given = new Set(ids(g));
      const pair = (a: string, relation: string, b: string) =>
        [a < b ? a : b, relation, a < b ? b : a].join(' ');
      const expected = new Set(rows.filter((r) => given.has(r.id)).map((r) => pair(r.key, r.relation, r.id)));
      expect(new Set(g.edges.map((e) => pair(e.from, e.relation, e.to)))).toEqual(expected);
      expect(expected.size).toBeGreaterThan(g.nodes.length - 1);
    },
  );

  it.each(['project:kubernetes', 'company:google'])(
    'ranks the neighbours of %s by how many facts support their edges',
    async (id) => {
      const full: Graph = (await client.ok(NEIGHBORHOOD, { id, first: 200 })).neighborhood;
      expect(full.truncated).toBe(false);
      // Weight is the number of distinct paragraphs citing the relationship.
      for (const e of full.edges)
        expect(e.weight).toBe(
          Math.max(1, new Set(e.sources.map((s) => `${s.article?.id}#${s.locator}`)).size),
        );
      const weights = full.edges.map((e) => e.weight);
      expect([...weights].sort((a, b) => b - a)).toEqual(weights);
      expect(Math.max(...weights)).toBeGreaterThan(1);
      // A node's score: the weights of its edges to the centre (the others join neighbours).
      const score = new Map<string, number>();
      for (const e of full.edges.filter((edge) => edge.from === id || edge.to === id)) {
        const other = e.from === id ? e.to : e.from;
        score.set(other, (score.get(other) ?? 0) + e.weight);
      }
      const cut: Graph = (await client.ok(NEIGHBORHOOD, { id, first: 5 })).neighborhood;
      expect(cut.truncated).toBe(full.nodes.length > 6);
      const kept = ids(cut).slice(1);
      expect(kept).toHaveLength(5);
      const lowestKept = Math.min(...kept.map((n) => score.get(n)!));
      const left = ids(full).filter((n) => n !== id && !kept.includes(n));
      for (const n of left) expect(score.get(n)!).toBeLessThanOrEqual(lowestKept);
    },
  );
});
