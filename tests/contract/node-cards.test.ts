/**
 * Project, company and edition cards (NODE_CARDS in src/load/plan/cards.ts,
 * read in src/graphql/cards.ts and Edition.companies): a page of projects
 * asking their companies only by id and name, or of companies asking their
 * projects so, or an edition asking its companies so, answers from the cards
 * its own statement reads, exactly as the names batches answer each node asked
 * alone; a batched load keeps the cards true to the graph it leaves; a card
 * this version cannot read is ignored.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { describeEachEngine, MINI_FIXTURES, type EngineCase } from '../helpers/engines';
import { graphqlOn } from '../helpers/graphql';
import { mutatedFixtures } from '../helpers/fixtures';
import { adHocQuery } from '../helpers/queries';
import { loadFixtures } from '../../src/load/load';
import { recard } from '../../src/load/recard';
import { NO_CARD } from '../../src/load/plan/cards';
import { stampLoad } from '../../src/load/stamp';

type Named = { id: string; name: string; __typename: string };
type Node = Record<string, unknown> & { id: string };

/** Each list, the field its card answers, the names and whole-node batches that field runs alone, the node's type and card. */
const LISTS = [
  {
    list: 'projects',
    field: 'companies',
    batch: 'project/company-names',
    whole: 'project/companies',
    type: 'Project',
    column: 'companyRows',
  },
  {
    list: 'companies',
    field: 'projects',
    batch: 'company/project-names',
    whole: 'company/projects',
    type: 'Company',
    column: 'projectRows',
  },
] as const;
type List = (typeof LISTS)[number];

const page = (l: List, fields = 'id name __typename') =>
  `{ ${l.list}(first: 100) { edges { node { id ${l.field} { ${fields} } } } } }`;
const nodesOf = (l: List, data: unknown) =>
  (data as Record<string, { edges: { node: Node }[] }>)[l.list]!.edges.map((e) => e.node);

/** Each node of `ids` asked by id, 15 to a request (the alias limit): no page, so no card, only the batches. */
async function answeredAlone(client: ReturnType<typeof graphqlOn>, l: List, ids: readonly string[]) {
  const nodes: Node[] = [];
  for (let i = 0; i < ids.length; i += 15) {
    const chunk = ids.slice(i, i + 15);
    const aliases = chunk.map(
      (id, j) =>
        `n${j}: node(id: ${JSON.stringify(id)}) { ... on ${l.type} { id ${l.field} { id name __typename } } }`,
    );
    const run = await client.run(`{ ${aliases.join(' ')} }`);
    expect(run.errors).toBeUndefined();
    expect(run.stats.statements).toContain(l.batch);
    const data = run.data as Record<string, Node>;
    nodes.push(...chunk.map((_, j) => data[`n${j}`]!));
  }
  return nodes;
}

describeEachEngine('project, company and edition cards', (engine: EngineCase) => {
  describe('on the real fixtures', () => {
    const client = graphqlOn(engine, join(PROJECT_ROOT, 'fixtures'));

    it.each(LISTS)(
      'answer a page of $list’s $field from its own statement, as the batch answers each',
      async (l) => {
        const run = await client.run(page(l));
        expect(run.errors).toBeUndefined();
        expect(run.stats.dbRoundTrips).toBe(1);
        expect(run.stats.statements).not.toContain(l.batch);
        const paged = nodesOf(l, run.data);
        expect(paged.length).toBeGreaterThan(50);
        expect(paged).toEqual(
          await answeredAlone(
            client,
            l,
            paged.map((n) => n.id),
          ),
        );
        // None, one and several on the other end.
        const sizes = new Set(paged.map((n) => Math.min((n[l.field] as Named[]).length, 2)));
        expect([...sizes].sort()).toEqual([0, 1, 2]);
      },
    );

    it.each(LISTS)('are read by a page of $list only when it asks $field by name alone', async (l) => {
      const more = await client.run(
        `{ ${l.list}(first: 5) { edges { node { ${l.field} { name homepage } } } } }`,
      );
      expect(more.errors).toBeUndefined();
      expect(more.stats.statements).toContain(l.whole);
      expect(more.stats.statements.some((s) => s.includes(l.column))).toBe(false);
      const none = await client.run(`{ ${l.list}(first: 5) { edges { node { name } } } }`);
      expect(none.stats.statements.some((s) => s.includes(l.column))).toBe(false);
    });

    it('are what the graph gives: deriving them again from the store writes none', async () => {
      const { engine: store, queries } = client.store();
      const { written } = await store.write((tx) => recard(tx, queries));
      expect(written).toBe(0);
    });

    it.each(LISTS)('of $list that cannot be read are ignored: the batch answers', async (l) => {
      const { engine: store } = client.store();
      const before = nodesOf(l, await client.ok(page(l)));
      const id = before.find((n) => (n[l.field] as Named[]).length > 1)!.id;
      // Written as a stamped write would, so nothing kept from before it answers.
      const set = (value: string | null) =>
        store.write(async (tx) => {
          await tx.run(
            adHocQuery(
              `spoil-${l.column}`,
              `MATCH (n:${l.type}) WHERE n.id = $id SET n.${l.column} = $value`,
              ['id', 'value'],
            ),
            { id, value },
          );
          await stampLoad(store, tx, client.store().queries, false);
        });
      try {
        for (const value of ['not json', '[["one", "two", "three"]]', '{"a": 1}', NO_CARD]) {
          await set(value);
          const run = await client.run(page(l));
          expect(run.errors).toBeUndefined();
          expect(run.stats.statements).toContain(l.batch);
          expect(nodesOf(l, run.data)).toEqual(before);
        }
      } finally {
        await store.write(async (tx) => {
          await recard(tx, client.store().queries);
          await stampLoad(store, tx, client.store().queries, false);
        });
      }
      expect((await client.run(page(l))).stats.dbRoundTrips).toBe(1);
    });
  });

  describe('of editions, on the real fixtures', () => {
    const client = graphqlOn(engine, join(PROJECT_ROOT, 'fixtures'));
    type Editions = { editions: { id: string; companies: Record<string, string>[] }[] };
    const editions = (fields: string) => `{ editions { id companies { ${fields} } } }`;
    const withoutHomepage = (data: unknown) =>
      (data as Editions).editions.map((e) => ({
        ...e,
        companies: e.companies.map(({ homepage: _, ...rest }) => rest),
      }));

    it('answer an edition’s companies in every scope from the edition, as the whole-node batch does', async () => {
      const run = await client.run(editions('id name __typename'));
      expect(run.errors).toBeUndefined();
      expect(run.stats.statements).toEqual(['edition/all']);
      const whole = await client.run(editions('id name __typename homepage'));
      expect(whole.stats.statements).toContain('edition/companies-all-scopes');
      expect((run.data as Editions).editions).toEqual(withoutHomepage(whole.data));
      expect(Math.max(...(run.data as Editions).editions.map((e) => e.companies.length))).toBeGreaterThan(10);
      // An edition asked by id: its lookup brings the card, and no batch starts beside it.
      const page = await client.run(
        '{ edition(id: "edition:kubecon-eu-2019") { companies { name } scoped: companies(scope: ALL) { id } } }',
      );
      expect(page.errors).toBeUndefined();
      expect(page.stats.statements).toEqual(['node/one[n:Edition]']);
      // Another scope is not on the card: its batches run.
      const stage = await client.run('{ editions { id companies(scope: STAGE) { name } } }');
      expect(stage.stats.statements).toContain('edition/company-names');
    });

    it('that cannot be read are ignored: the batch answers', async () => {
      const { engine: store } = client.store();
      const before = (await client.ok(editions('id name __typename'))) as Editions;
      const id = 'edition:kubecon-eu-2019';
      const set = (value: string | null) =>
        store.write(async (tx) => {
          await tx.run(
            adHocQuery(
              'spoil-edition-card',
              'MATCH (n:Edition) WHERE n.id = $id SET n.companyRows = $value',
              ['id', 'value'],
            ),
            { id, value },
          );
          await stampLoad(store, tx, client.store().queries, false);
        });
      try {
        for (const value of ['not json', '[["one", "two", "three"]]', NO_CARD]) {
          await set(value);
          const run = await client.run(editions('id name __typename'));
          expect(run.errors).toBeUndefined();
          expect(run.stats.statements).toContain('edition/company-names-all-scopes');
          expect(run.data).toEqual(before);
        }
      } finally {
        await store.write(async (tx) => {
          await recard(tx, client.store().queries);
          await stampLoad(store, tx, client.store().queries, false);
        });
      }
      expect((await client.run(editions('name'))).stats.statements).toEqual(['edition/all']);
    });
  });

  describe('after a load over a store that holds data', () => {
    // The mini fixtures again with Lyft renamed: Envoy's card must follow, though no
    // project record of this load changed.
    const renamed = () =>
      mutatedFixtures((files) => {
        files.companies.find((c: { id: string }) => c.id === 'company:lyft').name = 'Lyft Renamed';
      });
    const client = graphqlOn(engine, MINI_FIXTURES);

    it('follow the graph the load leaves', async () => {
      const { engine: store, queries } = client.store();
      const report = await loadFixtures(store, queries, renamed());
      expect(report.mode).toBe('batched');
      const [projects] = LISTS;
      const run = await client.run(page(projects));
      expect(run.stats.dbRoundTrips).toBe(1);
      const envoy = nodesOf(projects, run.data).find((n) => n.id === 'project:envoy')!;
      const names = (envoy.companies as Named[]).map((c) => c.name);
      expect(names).toContain('Lyft Renamed');
      expect(names).not.toContain('Lyft');
      // The editions' cards follow too.
      const editions = (await client.ok('{ editions { companies { name } } }')) as {
        editions: { companies: { name: string }[] }[];
      };
      const credited = editions.editions.flatMap((e) => e.companies.map((c) => c.name));
      expect(credited).toContain('Lyft Renamed');
      expect(credited).not.toContain('Lyft');
      const paged = nodesOf(projects, run.data);
      expect(paged).toEqual(
        await answeredAlone(
          client,
          projects,
          paged.map((n) => n.id),
        ),
      );
    });
  });
});
