/**
 * Sponsors, what each recap names, edition scopes (STAGE / COVERAGE / ALL) and
 * co-located events, on every engine, against tests/fixtures/mini. Expected
 * answers worked out by hand: the EU 2020 recap names Istio and Linkerd (¶119)
 * although neither was on stage there; the NA 2019 recap names Google, which
 * no talk credits; Google's NA 2019 sponsorship is a test record with a tier
 * and a booth.
 */
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';
import { graphqlOn } from '../helpers/graphql';

const ids = (list: { id: string }[]) => list.map((x) => x.id);

describeEachEngine('sponsors, mentions and edition scopes', (engine) => {
  const client = graphqlOn(engine, MINI_FIXTURES);

  it('lists an edition’s sponsors and a company’s sponsorships with tier, booth and provenance', async () => {
    const data = await client.ok(`{
      na19: edition(id: "edition:kubecon-na-2019") { sponsors { id } }
      eu18: edition(id: "edition:kubecon-eu-2018") { sponsors { id } }
      google: node(id: "company:google") { ... on Company { sponsorships {
        company { id } edition { id } tier booth sources { locator } reference } } }
      lyft: node(id: "company:lyft") { ... on Company { sponsorships { edition { id } } } } }`);
    expect(ids(data.na19.sponsors)).toEqual(['company:google']);
    expect(data.eu18.sponsors).toEqual([]);
    expect(data.google.sponsorships).toEqual([
      {
        company: { id: 'company:google' },
        edition: { id: 'edition:kubecon-na-2019' },
        tier: 'Diamond',
        booth: 'D1',
        sources: [],
        reference: expect.stringContaining('test record'),
      },
    ]);
    expect(data.lyft.sponsorships).toEqual([]);
  });

  it('lists what an article names, grouped by kind, each with its paragraphs', async () => {
    const data = await client.ok(`{ node(id: "article:xebia-kubecon-eu-2020-day-1") { ... on Article {
      mentions { node { __typename id } sources { article { id } locator } } } } }`);
    const mentions = data.node.mentions as {
      node: { __typename: string; id: string };
      sources: { article: { id: string }; locator: string }[];
    }[];
    expect(mentions.map((m) => m.node.id)).toEqual([
      'company:shopify',
      'company:spotify',
      'company:sysdig',
      'person:kris-nova',
      'person:shane-lawrence',
      'project:backstage',
      'project:falco',
      'project:istio',
      'project:linkerd',
    ]);
    const istio = mentions.find((m) => m.node.id === 'project:istio');
    expect(istio).toEqual({
      node: { __typename: 'Project', id: 'project:istio' },
      sources: [{ article: { id: 'article:xebia-kubecon-eu-2020-day-1' }, locator: '¶119' }],
    });
    expect(mentions.find((m) => m.node.id === 'person:kris-nova')?.node.__typename).toBe('Person');
  });

  it('separates what was on stage from what the recaps name elsewhere, for projects and companies', async () => {
    const data = await client.ok(`{ edition(id: "edition:kubecon-eu-2020") {
      stage: projects(scope: STAGE) { id } coverage: projects(scope: COVERAGE) { id }
      all: projects(scope: ALL) { id } byDefault: projects { id } }
      na19: edition(id: "edition:kubecon-na-2019") {
      stage: companies(scope: STAGE) { id } coverage: companies(scope: COVERAGE) { id } all: companies { id } } }`);
    const e = data.edition;
    expect(ids(e.stage)).toEqual(['project:backstage', 'project:falco']);
    expect(ids(e.coverage)).toEqual(['project:istio', 'project:linkerd']);
    expect(ids(e.all)).toEqual(['project:backstage', 'project:falco', 'project:istio', 'project:linkerd']);
    expect(e.byDefault).toEqual(e.all);
    expect(ids(data.na19.stage)).toEqual(['company:spotify']);
    expect(ids(data.na19.coverage)).toEqual(['company:google']);
    expect(ids(data.na19.all)).toEqual(['company:google', 'company:spotify']);
  });

  it('keeps Project.editions consistent with Edition.projects in every scope', async () => {
    const data = await client.ok(`{ node(id: "project:linkerd") { ... on Project {
      stage: editions(scope: STAGE) { id } coverage: editions(scope: COVERAGE) { id } all: editions { id } } } }`);
    expect(ids(data.node.stage)).toEqual(['edition:kubecon-eu-2018']);
    expect(ids(data.node.coverage)).toEqual(['edition:kubecon-eu-2020']);
    expect(ids(data.node.all)).toEqual(['edition:kubecon-eu-2018', 'edition:kubecon-eu-2020']);
  });

  it('refuses an unknown scope as a validation error', async () => {
    const result = await client.run(
      `{ edition(id: "edition:kubecon-eu-2020") { projects(scope: EVERYTHING) { id } } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('marks a talk of a co-located event, and leaves main-conference talks null', async () => {
    const data = await client.ok(`{
      envoycon: node(id: "talk:spotify-ingress-envoy") { ... on Talk { colocatedEvent } }
      main: node(id: "talk:shopify-falco") { ... on Talk { colocatedEvent } } }`);
    expect(data.envoycon.colocatedEvent).toBe('EnvoyCon 2019');
    expect(data.main.colocatedEvent).toBeNull();
  });

  it('costs one round trip per level for nested sponsors, mentions and scoped lists', async () => {
    const q = `{ editions { sponsors { sponsorships { edition { id } } } projects(scope: COVERAGE) { editions { id } }
      articles { mentions { node { id } } } } }`;
    const result = await client.run(q);
    expect(result.errors).toBeUndefined();
    // editions, sponsors, sponsorships (their edition comes with the row), projects on stage, projects
    // named, their editions (ALL: one query), articles, mentions: 8, however many rows each level lists.
    expect(result.stats.dbRoundTrips).toBe(8);
  });
});
