/**
 * The GraphQL contract, run against every engine (Kuzu always, Neo4j with
 * NEO4J_URI). Expected answers were worked out by hand from
 * tests/fixtures/mini, whose records are few enough to check by eye.
 */
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';
import { graphqlOn } from '../helpers/graphql';

// A talk title from the seeds, kept on a `title:` line (titles are facts, exempt from the prose check).
const LINKERD = {
  title: 'Observability and the Depths of Debugging Cloud-Native Applications using Linkerd and Conduit',
};

const names = (list: { name?: string; title?: string }[]) => list.map((x) => x.name ?? x.title);

describeEachEngine('GraphQL contract', (engine) => {
  const client = graphqlOn(engine, MINI_FIXTURES);

  describe('editions', () => {
    it('lists every edition newest first with its scalar fields', async () => {
      const data = await client.ok(
        `{ editions { id name year region format city country startDate endDate attendees aliases } }`,
      );
      expect(data.editions.map((e: { id: string }) => e.id)).toEqual([
        'edition:kubecon-eu-2020',
        'edition:kubecon-na-2019',
        'edition:kubecon-eu-2018',
      ]);
      expect(data.editions[1]).toEqual({
        id: 'edition:kubecon-na-2019',
        name: 'KubeCon + CloudNativeCon North America 2019',
        year: 2019,
        region: 'NORTH_AMERICA',
        format: 'IN_PERSON',
        city: 'San Diego',
        country: 'United States',
        startDate: '2019-11-18',
        endDate: '2019-11-21',
        attendees: 12000,
        aliases: ['KubeCon San Diego'],
      });
      expect(data.editions[0]).toMatchObject({ format: 'VIRTUAL', city: null, attendees: null });
    });

    it('pages an edition’s talks with opaque cursors and a total', async () => {
      const q = `query($after: String) { edition(id: "edition:kubecon-eu-2018") {
        talks(first: 1, after: $after) { totalCount edges { cursor node { title } } pageInfo { hasNextPage endCursor } } } }`;
      const first = (await client.ok(q)).edition.talks;
      expect(first.totalCount).toBe(2);
      expect(names(first.edges.map((e: { node: object }) => e.node))).toEqual(['Envoy Internals Deep Dive']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(first.pageInfo.endCursor).not.toMatch(/^\d+$/);
      const second = (await client.ok(q, { after: first.pageInfo.endCursor })).edition.talks;
      expect(names(second.edges.map((e: { node: object }) => e.node))).toEqual([LINKERD.title]);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it('resolves speakers, companies, projects, articles, announcements and figures', async () => {
      const data = await client.ok(`{
        eu20: edition(id: "edition:kubecon-eu-2020") { speakers { name } companies(scope: STAGE) { name }
          projects(scope: STAGE) { name } announcements { id } articles { title } }
        na19: edition(id: "edition:kubecon-na-2019") { companies(scope: STAGE) { name } figures { label value unit sources { locator } } }
        missing: edition(id: "edition:kubecon-mars-2099") { id } }`);
      expect(names(data.eu20.speakers)).toEqual(['Kris Nóva', 'Shane Lawrence']);
      expect(names(data.eu20.companies)).toEqual(['Shopify', 'Sysdig']);
      expect(names(data.eu20.projects)).toEqual(['Backstage', 'Falco']);
      expect(data.eu20.announcements).toEqual([{ id: 'announcement:backstage-joins-cncf' }]);
      expect(names(data.eu20.articles)).toEqual(['KubeCon + CloudNativeCon EU 2020 – Day 1']);
      expect(names(data.na19.companies)).toEqual(['Spotify']);
      expect(data.na19.figures).toEqual([
        { label: 'attendees', value: 12000, unit: 'people', sources: [{ locator: '¶2' }] },
      ]);
      expect(data.missing).toBeNull();
    });
  });

  describe('talks', () => {
    it('gives participants with role and affiliation at that edition, credited companies and provenance', async () => {
      const data = await client.ok(`{ node(id: "talk:shopify-falco") { ... on Talk {
        title kind day edition { id } speakers { name }
        participants { person { name } role company { name } jobTitle sources { locator } }
        companies { name } projects { name } summary sources { locator article { id } } } } }`);
      expect(data.node).toEqual({
        title: 'Open Source Intrusion Detection for Containers at Shopify',
        kind: 'KEYNOTE',
        day: '2020-08-18',
        edition: { id: 'edition:kubecon-eu-2020' },
        speakers: [{ name: 'Kris Nóva' }, { name: 'Shane Lawrence' }],
        participants: [
          {
            person: { name: 'Kris Nóva' },
            role: 'SPEAKER',
            company: { name: 'Sysdig' },
            jobTitle: 'Chief Open Source Advocate',
            sources: [{ locator: '¶13' }],
          },
          {
            person: { name: 'Shane Lawrence' },
            role: 'SPEAKER',
            company: { name: 'Shopify' },
            jobTitle: 'Senior Security Infrastructure Engineer',
            sources: [{ locator: '¶13' }],
          },
        ],
        companies: [{ name: 'Shopify' }, { name: 'Sysdig' }],
        projects: [{ name: 'Falco' }],
        summary: 'Runtime detection with system calls.',
        sources: [{ locator: '¶46', article: { id: 'article:xebia-kubecon-eu-2020-day-1' } }],
      });
    });

    it('credits a company directly when the recap names no speaker', async () => {
      const data = await client.ok(`{ node(id: "talk:spotify-ingress-envoy") { ... on Talk {
        speakers { name } companies { name } projects { name } mentionedCompanies { name } } } }`);
      expect(data.node).toEqual({
        speakers: [],
        companies: [{ name: 'Spotify' }],
        projects: [{ name: 'Envoy' }],
        mentionedCompanies: [{ name: 'Google' }],
      });
    });

    it.each([
      [{ editionId: 'edition:kubecon-eu-2018' }, ['Envoy Internals Deep Dive', LINKERD.title]],
      [{ kind: 'KEYNOTE' }, ['Open Source Intrusion Detection for Containers at Shopify']],
      [{ speakerId: 'person:matt-klein' }, ['Envoy Internals Deep Dive']],
      [{ companyId: 'company:lyft' }, ['Envoy Internals Deep Dive']],
      [{ companyId: 'company:spotify' }, ['How Spotify migrated Ingress HTTP Systems to Envoy']],
      [
        { projectId: 'project:envoy' },
        ['How Spotify migrated Ingress HTTP Systems to Envoy', 'Envoy Internals Deep Dive'],
      ],
      [
        { titleContains: 'ENVOY' },
        ['How Spotify migrated Ingress HTTP Systems to Envoy', 'Envoy Internals Deep Dive'],
      ],
      [{ titleContains: 'énvoy internals' }, ['Envoy Internals Deep Dive']],
      [{ editionId: 'edition:kubecon-eu-2018', projectId: 'project:envoy' }, ['Envoy Internals Deep Dive']],
      [{ projectId: 'project:backstage' }, []],
    ])('filters talks by %j', async (filter, expected) => {
      const data = await client.ok(
        `query($f: TalkFilter) { talks(filter: $f, first: 50) { totalCount edges { node { title } } } }`,
        { f: filter },
      );
      expect(names(data.talks.edges.map((e: { node: object }) => e.node))).toEqual(expected);
      expect(data.talks.totalCount).toBe(expected.length);
    });

    it('orders all talks newest edition first and pages through them without gaps', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const data = await client.ok(
          `query($after: String) { talks(first: 3, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        seen.push(...data.talks.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!data.talks.pageInfo.hasNextPage) break;
        after = data.talks.pageInfo.endCursor;
      }
      expect(seen).toEqual([
        'talk:shopify-falco',
        'talk:spotify-ingress-envoy',
        'talk:envoy-internals-deep-dive',
        'talk:linkerd-conduit-observability',
      ]);
    });
  });

  describe('ordering', () => {
    const ids = (data: Record<string, { edges: { node: { id: string } }[] }>, field: string) =>
      data[field]!.edges.map((e) => e.node.id);

    it('orders talks newest first by default, oldest first, or by title', async () => {
      const q = `query($o: TalkOrder) { talks(orderBy: $o) { edges { node { id } } } }`;
      expect(ids(await client.ok(q), 'talks')[0]).toBe('talk:shopify-falco');
      expect(ids(await client.ok(q, { o: 'OLDEST' }), 'talks')).toEqual([
        'talk:envoy-internals-deep-dive',
        'talk:linkerd-conduit-observability',
        'talk:spotify-ingress-envoy',
        'talk:shopify-falco',
      ]);
      expect(ids(await client.ok(q, { o: 'TITLE' }), 'talks')).toEqual([
        'talk:envoy-internals-deep-dive',
        'talk:spotify-ingress-envoy',
        'talk:linkerd-conduit-observability',
        'talk:shopify-falco',
      ]);
    });

    it('orders an unfiltered talk page alike whether it asks for editions or a total', async () => {
      // Four statements answer these shapes (list/talks-*.cypher); all read the same stored keys.
      const shapes = ['{ id }', '{ id edition { id } }'].flatMap((node) => [
        `query($o: TalkOrder) { talks(orderBy: $o) { edges { node ${node} } } }`,
        `query($o: TalkOrder) { talks(orderBy: $o) { totalCount edges { node ${node} } } }`,
      ]);
      for (const o of ['NEWEST', 'OLDEST', 'TITLE']) {
        const orders = await Promise.all(shapes.map(async (q) => ids(await client.ok(q, { o }), 'talks')));
        expect(new Set(orders.map((x) => x.join()))).toEqual(new Set([orders[0]!.join()]));
        expect(orders[0]).toHaveLength(4);
      }
    });

    it('orders projects by number of talks, then name', async () => {
      const data = await client.ok(`{ projects(orderBy: TALKS, first: 3) { edges { node { id } } } }`);
      // Envoy is discussed in two talks; Falco and Istio in one each (alphabetical among equals).
      expect(ids(data, 'projects')).toEqual(['project:envoy', 'project:falco', 'project:istio']);
    });

    it('refuses a cursor under another orderBy than the one it came from', async () => {
      const first = await client.ok(`{ talks(orderBy: TITLE, first: 1) { pageInfo { endCursor } } }`);
      const result = await client.run(
        `query($a: String) { talks(orderBy: OLDEST, after: $a) { totalCount } }`,
        {
          a: first.talks.pageInfo.endCursor,
        },
      );
      expect(result.errors?.[0]).toMatchObject({
        message: 'after: this cursor belongs to orderBy TITLE, not OLDEST',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });
  });

  describe('people', () => {
    it('lists only speakers, sorted, with accent-insensitive name search over aliases', async () => {
      const q = `query($f: PersonFilter) { speakers(filter: $f) { totalCount edges { node { name } } } }`;
      const all = await client.ok(q);
      expect(names(all.speakers.edges.map((e: { node: object }) => e.node))).toEqual([
        'Franziska von der Goltz',
        'Kris Nóva',
        'Matt Klein',
        'Shane Lawrence',
      ]);
      for (const nameContains of ['nova', 'NÓVA', 'kris no']) {
        const hit = await client.ok(q, { f: { nameContains } });
        expect(names(hit.speakers.edges.map((e: { node: object }) => e.node))).toEqual(['Kris Nóva']);
      }
      const byCompany = await client.ok(q, { f: { companyId: 'company:sysdig' } });
      expect(byCompany.speakers.totalCount).toBe(1);
      const byEdition = await client.ok(q, { f: { editionId: 'edition:kubecon-eu-2018' } });
      expect(names(byEdition.speakers.edges.map((e: { node: object }) => e.node))).toEqual([
        'Franziska von der Goltz',
        'Matt Klein',
      ]);
    });

    it('gives a person’s talks, per-edition affiliations, companies and projects', async () => {
      const data = await client.ok(`{ node(id: "person:kris-nova") { __typename ... on Person { name aliases
        talks { id } affiliations { company { name } jobTitle edition { id } sources { locator article { id } } }
        companies { name } projects { name } } } }`);
      expect(data.node).toEqual({
        __typename: 'Person',
        name: 'Kris Nóva',
        aliases: ['Kris Nova'],
        talks: [{ id: 'talk:shopify-falco' }],
        affiliations: [
          {
            company: { name: 'Sysdig' },
            jobTitle: 'Chief Open Source Advocate',
            edition: { id: 'edition:kubecon-eu-2020' },
            sources: [{ locator: '¶13', article: { id: 'article:xebia-kubecon-eu-2020-day-1' } }],
          },
        ],
        companies: [{ name: 'Sysdig' }],
        projects: [{ name: 'Falco' }],
      });
    });
  });

  describe('companies and projects', () => {
    it('relates a company to projects through backing, talks and announcements', async () => {
      const data = await client.ok(`{
        spotify: node(id: "company:spotify") { ... on Company { talks { id } projects { name } editions { id } people { name }
          backs { project { name } kind sources { locator } reference } } }
        lyft: node(id: "company:lyft") { ... on Company { people { name } projects { name } editions { id } } } }`);
      expect(data.spotify).toEqual({
        talks: [{ id: 'talk:spotify-ingress-envoy' }],
        projects: [{ name: 'Backstage' }, { name: 'Envoy' }],
        editions: [{ id: 'edition:kubecon-na-2019' }],
        people: [],
        backs: [
          {
            project: { name: 'Backstage' },
            kind: 'CREATED',
            sources: [{ locator: '¶125' }],
            reference: null,
          },
        ],
      });
      // Lyft backs Envoy and presents (through Matt Klein) a talk that also discusses Istio and Tokio.
      expect(data.lyft).toEqual({
        people: [{ name: 'Matt Klein' }],
        projects: [{ name: 'Envoy' }, { name: 'Istio' }, { name: 'Tokio' }],
        editions: [{ id: 'edition:kubecon-eu-2018' }],
      });
    });

    it('gives a project’s reference data, talks, companies, editions, announcements and backers', async () => {
      const data = await client.ok(`{
        envoy: node(id: "project:envoy") { ... on Project { cncf maturity homepage aliases talks { id } companies { name } editions { id } announcements { id }
          backers { company { name } kind } } }
        tokio: node(id: "project:tokio") { ... on Project { cncf maturity } }
        backstage: node(id: "project:backstage") { ... on Project { announcements { id kind maturity projects { name } companies { name } edition { id } sources { locator } } } } }`);
      expect(data.envoy).toEqual({
        cncf: true,
        maturity: 'GRADUATED',
        homepage: 'https://www.envoyproxy.io/',
        aliases: ['Envoy Proxy'],
        talks: [{ id: 'talk:envoy-internals-deep-dive' }, { id: 'talk:spotify-ingress-envoy' }],
        companies: [{ name: 'Lyft' }, { name: 'Spotify' }],
        editions: [{ id: 'edition:kubecon-eu-2018' }, { id: 'edition:kubecon-na-2019' }],
        announcements: [],
        backers: [{ company: { name: 'Lyft' }, kind: 'CREATED' }],
      });
      expect(data.tokio).toEqual({ cncf: false, maturity: null });
      expect(data.backstage.announcements).toEqual([
        {
          id: 'announcement:backstage-joins-cncf',
          kind: 'DONATION',
          maturity: 'SANDBOX',
          projects: [{ name: 'Backstage' }],
          companies: [{ name: 'Spotify' }],
          edition: { id: 'edition:kubecon-eu-2020' },
          sources: [{ locator: '¶125' }],
        },
      ]);
    });

    it.each([
      [{}, 8],
      [{ nameContains: 'publicis' }, 1],
      [{ editionId: 'edition:kubecon-eu-2020' }, 2],
    ])('filters companies by %j', async (filter, count) => {
      const data = await client.ok(
        `query($f: CompanyFilter) { companies(filter: $f, first: 100) { totalCount edges { node { name } } } }`,
        { f: filter },
      );
      expect(data.companies.totalCount).toBe(count);
      expect(data.companies.edges).toHaveLength(count);
    });

    it.each([
      [{ cncf: false }, ['Tokio']],
      [{ maturity: 'INCUBATING' }, ['Backstage']],
      [{ nameContains: 'conduit' }, ['Linkerd']],
      [{ editionId: 'edition:kubecon-eu-2018' }, ['Envoy', 'Istio', 'Linkerd', 'Tokio']],
    ])('filters projects by %j', async (filter, expected) => {
      const data = await client.ok(
        `query($f: ProjectFilter) { projects(filter: $f) { totalCount edges { node { name } } } }`,
        { f: filter },
      );
      expect(names(data.projects.edges.map((e: { node: object }) => e.node))).toEqual(expected);
      expect(data.projects.totalCount).toBe(expected.length);
    });
  });

  describe('articles', () => {
    it('lists articles with publisher, edition and authors', async () => {
      const data = await client.ok(
        `{ articles { id language publisher { name } edition { id } authors covers } }`,
      );
      expect(data.articles.map((a: { id: string }) => a.id)).toEqual([
        'article:xebia-kubecon-eu-2018-day-2',
        'article:alterway-kubecon-na-2019',
        'article:xebia-kubecon-eu-2020-day-1',
      ]);
      expect(data.articles[2]).toEqual({
        id: 'article:xebia-kubecon-eu-2020-day-1',
        language: 'fr',
        publisher: { name: 'Xebia' },
        edition: { id: 'edition:kubecon-eu-2020' },
        authors: ['Alexis "Horgix" Chotard', 'Jonathan Norblin'],
        covers: 'Day 1',
      });
    });
  });

  describe('errors', () => {
    const codeOf = async (query: string, variables: Record<string, unknown> = {}) => {
      const result = await client.run(query, variables);
      expect(result.errors).toBeDefined();
      return { code: result.errors![0]!.extensions?.code, message: result.errors![0]!.message };
    };

    it('refuses a page larger than the cap, naming the argument', async () => {
      const { code, message } = await codeOf(`{ talks(first: 101) { totalCount } }`);
      expect(code).toBe('BAD_USER_INPUT');
      expect(message).toMatch(/first must be between 0 and 100/);
      expect((await codeOf(`{ speakers(first: -1) { totalCount } }`)).code).toBe('BAD_USER_INPUT');
    });

    it('refuses a cursor it did not issue', async () => {
      const { code, message } = await codeOf(`{ talks(after: "not-a-cursor") { totalCount } }`);
      expect(code).toBe('BAD_USER_INPUT');
      expect(message).toMatch(/after/);
    });

    it('refuses an id of the wrong kind or of no kind', async () => {
      expect(
        (await codeOf(`{ talks(filter: { companyId: "project:envoy" }) { totalCount } }`)).message,
      ).toMatch(/filter.companyId/);
      expect((await codeOf(`{ node(id: "envoy") { id } }`)).code).toBe('BAD_USER_INPUT');
      const absent = await client.ok(`{ node(id: "person:nobody") { id } }`);
      expect(absent.node).toBeNull();
    });

    it('reports a bad enum value in variables as BAD_USER_INPUT', async () => {
      expect(
        (await codeOf(`query($k: TalkKind) { talks(filter: { kind: $k }) { totalCount } }`, { k: 'SERMON' }))
          .code,
      ).toBe('BAD_USER_INPUT');
    });
  });
});
