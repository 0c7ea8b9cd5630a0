/**
 * DataLoader batching: the number of database round trips of a nested query
 * depends on its depth, not on how many rows it lists. Runs on a generated
 * graph of 25 talks, each with two speakers (each affiliated with a company)
 * and two projects.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachEngine } from '../helpers/engines';
import { graphqlOn } from '../helpers/graphql';

const TALKS = 25;

function generatedFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'recap-graph-generated-'));
  const article = 'article:generated';
  const cite = [{ article, locator: '¶1' }];
  const edition = 'edition:kubecon-test-2030';
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  const files: Record<string, unknown[]> = {
    editions: [
      {
        id: edition,
        name: 'Test edition',
        year: 2030,
        region: 'OTHER',
        format: 'VIRTUAL',
        aliases: [],
        sources: cite,
      },
    ],
    articles: [
      {
        id: article,
        title: 'Generated',
        language: 'en',
        publisherId: 'company:c1',
        authors: [],
        personIds: [],
        editionId: edition,
        seed: 'none',
        mentions: [],
      },
    ],
    companies: range(5).map((i) => ({ id: `company:c${i}`, name: `Company ${i}`, aliases: [] })),
    projects: range(10).map((i) => ({
      id: `project:p${i}`,
      name: `Project ${i}`,
      aliases: [],
      cncf: true,
      maturity: 'SANDBOX',
      reference: 'generated',
    })),
    people: range(TALKS * 2).map((i) => ({ id: `person:s${i}`, name: `Speaker ${i}`, aliases: [] })),
    talks: range(TALKS).map((i) => ({
      id: `talk:t${String(i).padStart(2, '0')}`,
      title: `Talk ${String(i).padStart(2, '0')}`,
      kind: 'TALK',
      editionId: edition,
      sources: cite,
      participants: [2 * i - 1, 2 * i].map((s) => ({
        personId: `person:s${s}`,
        role: 'SPEAKER',
        sources: cite,
      })),
      companies: [],
      mentions: [i % 10, (i + 1) % 10].map((p) => ({ targetId: `project:p${p + 1}`, sources: cite })),
    })),
    affiliations: range(TALKS * 2).map((i) => ({
      personId: `person:s${i}`,
      companyId: `company:c${(i % 5) + 1}`,
      editionId: edition,
      sources: cite,
    })),
    backs: [],
    announcements: [],
    figures: [],
    sponsorships: [],
  };
  for (const [name, data] of Object.entries(files))
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(data));
  return dir;
}

const NESTED = `query($first: Int) { talks(first: $first) { edges { node {
  title speakers { name companies { name } } projects { name } } } } }`;

const DASHBOARD = `{ talks(first: 20) { totalCount edges { node {
  title speakers { name companies { name } } projects { name } } } } }`;

const WIDE = `query($first: Int) { talks(first: $first) { totalCount edges { node { id title edition { name }
  speakers { id name companies { name } affiliations { company { name } edition { id } } }
  projects { name } companies { name } sources { locator article { title } } } } } }`;

describeEachEngine('round trips', (engine) => {
  let dir: string;
  const client = graphqlOn(engine, () => (dir = generatedFixtures()));
  /** A page's total is its own statement, run alongside the page, on an engine that counts apart. */
  const count = () => (client.store().engine.countsApart ? 1 : 0);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists 20 talks with speakers, their companies and projects in 1 round trip', async () => {
    const result = await client.run(NESTED, { first: 20 });
    expect(result.errors).toBeUndefined();
    const talks = result.data.talks.edges.map((e: { node: unknown }) => e.node);
    expect(talks).toHaveLength(20);
    expect(
      talks.every(
        (t: { speakers: { companies: unknown[] }[] }) =>
          t.speakers.length === 2 && t.speakers.every((s) => s.companies.length === 1),
      ),
    ).toBe(true);
    // The talk page, which brings each talk's card: its speakers with their companies, its projects.
    expect(result.stats.dbRoundTrips).toBe(1);
    // Speakers asked one field more than a card holds are a batch after the page; projects still come with it.
    const batched = await client.run(NESTED.replace('speakers { name', 'speakers { name aliases'), {
      first: 20,
    });
    expect(batched.stats.dbRoundTrips).toBe(2);
  });

  it('costs the same for 2 talks as for 20', async () => {
    const small = await client.run(NESTED, { first: 2 });
    const large = await client.run(NESTED, { first: 20 });
    expect(small.stats.dbRoundTrips).toBe(large.stats.dbRoundTrips);
  });

  it('adds one round trip per nesting level, not per row', async () => {
    const deeper = await client.run(
      `{ talks(first: 20) { totalCount edges { node { speakers { talks { projects { name } } } } } } }`,
    );
    // page with count (the stored first page: src/load/heads.ts) + participants + person→talks + talk→projects
    expect(deeper.stats.dbRoundTrips).toBe(4);
  });

  it('serves the dashboard page, totalCount included, in 1 round trip: its stored first page', async () => {
    const result = await client.run(DASHBOARD);
    expect(result.errors).toBeUndefined();
    expect(result.data.talks.totalCount).toBe(TALKS);
    expect(result.stats.dbRoundTrips).toBe(1);
  });

  it('serves the wide talks page in 2 round trips from its stored first page, for 2 talks as for 20', async () => {
    const small = await client.run(WIDE, { first: 2 });
    const large = await client.run(WIDE, { first: 20 });
    expect(large.errors).toBeUndefined();
    expect(large.data.talks.edges).toHaveLength(20);
    // The stored first page (talks, their editions' names, speakers with their affiliations
    // and companies from the talk cards: src/load/heads.ts), then the sources' articles.
    expect(large.stats.dbRoundTrips).toBe(2);
    expect(small.stats.dbRoundTrips).toBe(2);
  });

  it('serves a filtered wide talks page, which no stored page holds, in 2 round trips, for 2 talks as for 20', async () => {
    const filtered = WIDE.replace(
      'talks(first: $first)',
      'talks(first: $first, filter: { editionId: "edition:kubecon-test-2030" })',
    );
    const small = await client.run(filtered, { first: 2 });
    const large = await client.run(filtered, { first: 20 });
    expect(large.errors).toBeUndefined();
    expect(large.data.talks.edges).toHaveLength(20);
    // page+count+edition names+speakers with affiliations+projects+companies (talk cards), articles
    expect(large.stats.dbRoundTrips).toBe(2 + count());
    expect(small.stats.dbRoundTrips).toBe(2 + count());
  });

  it('pages an edition’s talks with no statement for the talks themselves', async () => {
    const query = `query($first: Int) { edition(id: "edition:kubecon-test-2030") {
      talks(first: $first) { totalCount edges { node { id title kind } } } } }`;
    const small = await client.run(query, { first: 2 });
    const large = await client.run(query, { first: 20 });
    expect(large.errors).toBeUndefined();
    expect(large.data.edition.talks.edges).toHaveLength(20);
    // The edition with its talks, in one statement (edition/with-talks).
    expect(large.stats.dbRoundTrips).toBe(1);
    expect(small.stats.dbRoundTrips).toBe(1);
    // The primed talks are the talks: the same as each asked on its own.
    const first = large.data.edition.talks.edges[0].node;
    const alone = await client.run(`query($id: ID!) { node(id: $id) { ... on Talk { id title kind } } }`, {
      id: first.id,
    });
    expect(alone.data.node).toEqual(first);
  });

  it('answers the look-ahead exactly as each person asked on their own', async () => {
    const result = await client.run(WIDE, { first: 20 });
    const speakers = result.data.talks.edges.flatMap(
      (e: { node: { speakers: { id: string }[] } }) => e.node.speakers,
    );
    for (const speaker of speakers.slice(0, 6)) {
      const alone = await client.run(
        `query($id: ID!) { node(id: $id) { ... on Person {
          id name companies { name } affiliations { company { name } edition { id } } } } }`,
        { id: speaker.id },
      );
      expect(alone.data.node).toEqual(speaker);
    }
  });
});
