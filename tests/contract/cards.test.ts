/**
 * Talk cards (src/load/plan/cards.ts, src/graphql/cards.ts): a page of talks
 * whose speakers, projects and companies are asked only by name answers from the cards its
 * own statement reads, exactly as the batches answer a talk asked alone; a
 * batched load keeps every card true to the graph it leaves, including cards of
 * talks it does not name; a card this version cannot read is ignored.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { describeEachEngine, MINI_FIXTURES, type EngineCase } from '../helpers/engines';
import { graphqlOn } from '../helpers/graphql';
import { mutatedFixtures } from '../helpers/fixtures';
import { adHocQuery } from '../helpers/queries';
import { loadFixtures } from '../../src/load/load';
import { recard } from '../../src/load/recard';
import { stampLoad } from '../../src/load/stamp';
import { NO_CARD } from '../../src/load/plan/cards';

interface Talk {
  id: string;
  speakers: { id: string; name: string; companies: { id: string; name: string }[] }[];
  projects: { id: string; name: string }[];
  companies: { id: string; name: string }[];
}
type Page = { talks: { edges: { node: Talk }[] } };

const TALK_FIELDS =
  'id speakers { id name companies { id name } } projects { id name } companies { id name }';
const PAGE = `{ talks(first: 50) { edges { node { ${TALK_FIELDS} } } } }`;

/** The same fields for each talk asked by id, one alias each: no page, so no card, only the batches. */
const alone = (ids: readonly string[]) =>
  `{ ${ids.map((id, i) => `t${i}: node(id: ${JSON.stringify(id)}) { ... on Talk { ${TALK_FIELDS} } }`).join(' ')} }`;

const talksOf = (data: unknown) => (data as Page).talks.edges.map((e) => e.node);

/** Each talk of `ids` asked by id, 15 to a request (the alias limit), in the order of `ids`. */
async function answeredAlone(client: ReturnType<typeof graphqlOn>, ids: readonly string[]): Promise<Talk[]> {
  const talks: Talk[] = [];
  for (let i = 0; i < ids.length; i += 15) {
    const chunk = ids.slice(i, i + 15);
    const run = await client.run(alone(chunk));
    expect(run.errors).toBeUndefined();
    // The batches ran: the answer below is theirs, not a card's.
    expect(run.stats.statements).toEqual(
      expect.arrayContaining(['talk/participant-names', 'talk/project-names', 'talk/company-names']),
    );
    const data = run.data as Record<string, Talk>;
    talks.push(...chunk.map((_, j) => data[`t${j}`]!));
  }
  return talks;
}

describeEachEngine('talk cards', (engine: EngineCase) => {
  describe('on the real fixtures', () => {
    const client = graphqlOn(engine, join(PROJECT_ROOT, 'fixtures'));

    it('answer a page’s speakers and projects from its own statement, as the batches answer each talk', async () => {
      const run = await client.run(PAGE);
      expect(run.errors).toBeUndefined();
      // One statement: the page; no talk/ batch after it.
      expect(run.stats.dbRoundTrips).toBe(1);
      expect(run.stats.statements.filter((s) => s.startsWith('talk/'))).toEqual([]);
      const paged = talksOf(run.data);
      expect(paged.length).toBeGreaterThan(40);
      expect(paged).toEqual(
        await answeredAlone(
          client,
          paged.map((t) => t.id),
        ),
      );
      // The data has the cases that matter: no speaker, several, a speaker with two
      // companies and one with none, a talk with no project and one with several.
      const speakers = paged.map((t) => t.speakers.length);
      expect(speakers).toContain(0);
      expect(Math.max(...speakers)).toBeGreaterThan(1);
      const companies = paged.flatMap((t) => t.speakers.map((s) => s.companies.length));
      expect(companies).toContain(0);
      expect(Math.max(...companies)).toBeGreaterThan(1);
      expect(paged.map((t) => t.projects.length)).toContain(0);
      expect(Math.max(...paged.map((t) => t.projects.length))).toBeGreaterThan(1);
      expect(paged.map((t) => t.companies.length)).toContain(0);
      expect(Math.max(...paged.map((t) => t.companies.length))).toBeGreaterThan(1);
    });

    it('are read only when the selection can use them', async () => {
      // A speaker asked more than a card holds: the batch runs, the page reads no card.
      const run = await client.run('{ talks(first: 5) { edges { node { speakers { name aliases } } } } }');
      expect(run.errors).toBeUndefined();
      expect(run.stats.dbRoundTrips).toBe(2);
      // The same for a talk's companies asked more than their names: their whole-node batch runs.
      const companies = await client.run(
        '{ talks(first: 5) { edges { node { companies { name homepage } } } } }',
      );
      expect(companies.errors).toBeUndefined();
      expect(companies.stats.statements).toContain('talk/companies');
      expect(companies.stats.statements).not.toContain('talk/company-names');
    });

    it('are what the graph gives: deriving them again from the store writes none', async () => {
      const { engine: store, queries } = client.store();
      // On Kuzu the load was a bulk one, cards from its plan; this derives them from the graph.
      const { written } = await store.write((tx) => recard(tx, queries));
      expect(written).toBe(0);
    });

    it('that cannot be read are ignored: the batches answer', async () => {
      const { engine: store } = client.store();
      const [first] = talksOf(await client.ok(PAGE));
      const id = first!.id;
      // Written as a stamped write would: the talks' stored first pages (src/load/heads.ts) then hold it too.
      const set = (value: string | null) =>
        store.write(async (tx) => {
          await tx.run(
            adHocQuery(
              'spoil-card',
              'MATCH (t:Talk) WHERE t.id = $id SET t.participantRows = $value, t.projectRows = $value, t.companyRows = $value',
              ['id', 'value'],
            ),
            { id, value },
          );
          await stampLoad(store, tx, client.store().queries, false);
        });
      const before = talksOf(await client.ok(PAGE));
      try {
        // Not JSON, a row of the wrong length, an object, and NO_CARD (too many rows for a card).
        for (const value of ['not json', '[["only", "three", "fields"]]', '{"a": 1}', NO_CARD]) {
          await set(value);
          const run = await client.run(PAGE);
          expect(run.errors).toBeUndefined();
          expect(run.stats.statements).toEqual(
            expect.arrayContaining(['talk/participant-names', 'talk/project-names', 'talk/company-names']),
          );
          expect(talksOf(run.data)).toEqual(before);
        }
      } finally {
        await store.write(async (tx) => {
          await recard(tx, client.store().queries);
          await stampLoad(store, tx, client.store().queries, false);
        });
      }
      expect((await client.run(PAGE)).stats.dbRoundTrips).toBe(1);
    });
  });

  describe('after a load over a store that holds data', () => {
    // The mini fixtures again, with Lyft renamed, Matt Klein's talk left out (its card must
    // follow the company's new name although no record of this load names the talk), and a
    // new affiliation and a new speaker written in the load's own transaction.
    type Fixture = { id: string; name: string; participants: { personId: string }[] };
    let added: { talk: string; person: string } | undefined;
    const renamed = () =>
      mutatedFixtures((files) => {
        files.companies.find((c: Fixture) => c.id === 'company:lyft').name = 'Lyft Renamed';
        files.talks = files.talks.filter(
          (t: Fixture) => !t.participants.some((p) => p.personId === 'person:matt-klein'),
        );
        const [talk] = files.talks as (Fixture & { editionId: string; sources: unknown })[];
        const person = (files.people as Fixture[]).find(
          (p) => !talk!.participants.some((x) => x.personId === p.id),
        )!;
        talk!.participants.push({ personId: person.id, role: 'SPEAKER', sources: talk!.sources } as never);
        files.affiliations.push({
          personId: person.id,
          companyId: 'company:lyft',
          editionId: talk!.editionId,
          jobTitle: null,
          sources: talk!.sources,
        });
        added = { talk: talk!.id, person: person.id };
      });
    const client = graphqlOn(engine, MINI_FIXTURES);

    it('follow the graph the load leaves', async () => {
      const { engine: store, queries } = client.store();
      const report = await loadFixtures(store, queries, renamed());
      expect(report.mode).toBe('batched');
      const run = await client.run(PAGE);
      expect(run.stats.dbRoundTrips).toBe(1);
      const paged = talksOf(run.data);
      const names = paged.flatMap((t) => t.speakers.flatMap((s) => s.companies.map((c) => c.name)));
      expect(names).toContain('Lyft Renamed');
      expect(names).not.toContain('Lyft');
      // The new speaker is on the talk's card, with the company of the new affiliation.
      const speaker = paged.find((t) => t.id === added!.talk)!.speakers.find((s) => s.id === added!.person);
      expect(speaker?.companies.map((c) => c.name)).toContain('Lyft Renamed');
      expect(paged).toEqual(
        await answeredAlone(
          client,
          paged.map((t) => t.id),
        ),
      );
    });
  });
});
