/**
 * A node asked by id starts its selected fields' batches with its own lookup
 * (src/graphql/prefetch.ts): on each engine, over the real fixtures, the
 * answers are those the same fields give where nothing is started early, no
 * statement runs twice, and an unknown id, a forged cursor or a skipped field
 * behave as before. An edition selecting its talks is read with them, in one
 * statement that is also its lookup (edition/with-talks).
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { describeEachEngine } from '../helpers/engines';
import { graphqlOn, type Result } from '../helpers/graphql';

const EDITION = 'edition:kubecon-eu-2019';
const FIELDS =
  'id name talks(first: 50) { totalCount edges { node { title companies { name } speakers { name aliases } } } } companies { name } speakers { name } projects(scope: STAGE) { name }';

/** Whether a statement looks the node up: node/one, or an edition read with its talks. */
const isLookup = (name: string) => name.startsWith('node/one') || name.startsWith('edition/with-talks');

/** The statements that ran while the lookup of the node itself was running. */
function startedDuringLookup({ statements, runningAtStart }: Result['stats']): string[] {
  const lookup = statements.findIndex(isLookup);
  return statements.filter(
    (name, i) =>
      i !== lookup &&
      (runningAtStart[i]!.includes(statements[lookup]!) || runningAtStart[lookup]!.includes(name)),
  );
}

describeEachEngine('fields of a node asked by id, started with its lookup', (engine) => {
  const client = graphqlOn(engine, join(PROJECT_ROOT, 'fixtures'));

  it('answers edition(id:) as the editions list does, its field batches started during the lookup, none twice', async () => {
    const early = await client.run(`{ edition(id: "${EDITION}") { ${FIELDS} } }`);
    expect(early.errors).toBeUndefined();
    const listed = await client.run(`{ editions { ${FIELDS} } }`);
    expect(listed.errors).toBeUndefined();
    expect(early.data.edition).toEqual(
      (listed.data.editions as { id: string }[]).find((e) => e.id === EDITION),
    );
    expect((early.data.edition as { companies: unknown[] }).companies.length).toBeGreaterThan(10);

    // The edition comes with its talks, read as the list reads them (the same
    // projection), in one statement: no node/one, no edition/talks. The other
    // statements are the list's for the same fields (an early call that picked
    // another batch would add one), each once.
    const { statements } = early.stats;
    const withTalks = statements.filter((name) => name.startsWith('edition/with-talks'));
    const listTalks = listed.stats.statements.filter((name) => name.startsWith('edition/talks'));
    expect(withTalks).toHaveLength(1);
    // The talks as the list reads them; the edition as only what its own fields read:
    // id, name, and the card its companies' names come from.
    expect(withTalks[0]!.slice('edition/with-talks'.length)).toBe(
      `${listTalks[0]!.slice('edition/talks'.length)}edition=e{companyRows,id,name}`,
    );
    expect(statements.some((name) => name.startsWith('node/one'))).toBe(false);
    const others = (names: string[], drop: string[]) =>
      names.filter((name) => !drop.some((d) => name.startsWith(d))).sort();
    expect(others(statements, ['edition/with-talks'])).toEqual(
      others(listed.stats.statements, ['edition/all', 'edition/talks']),
    );
    expect(new Set(statements).size).toBe(statements.length);
    // speakers and projects begin while the edition is read with its talks; its
    // companies come with it (its card), so no batch starts for them.
    const during = startedDuringLookup(early.stats);
    expect(during.filter((name) => name.startsWith('edition/'))).toHaveLength(2);
    expect(statements.some((name) => name.startsWith('edition/company'))).toBe(false);
    // The level below the talks (their speakers, asked more than a talk card holds; their
    // companies come with them) waits for the talks.
    expect(during.some((name) => name.startsWith('talk/'))).toBe(false);
    expect(statements).toContain('talk/participants');
  });

  it('reads an edition with no talk in one statement, as the editions list gives it', async () => {
    const empty = 'edition:kubecon-china-2019';
    const early = await client.run(`{ edition(id: "${empty}") { ${FIELDS} } }`);
    const listed = await client.run(`{ editions { ${FIELDS} } }`);
    expect(early.errors).toBeUndefined();
    expect(early.data.edition).toEqual(
      (listed.data.editions as { id: string }[]).find((e) => e.id === empty),
    );
    expect((early.data.edition as { talks: { totalCount: number } }).talks.totalCount).toBe(0);
    expect(early.stats.statements.filter(isLookup)).toEqual([
      expect.stringMatching(/^edition\/with-talks/) as unknown as string,
    ]);
  });

  it('starts only the selected type’s fields behind node(id:), and answers as the typed field does', async () => {
    const edition = 'companies { name } talks(first: 3) { edges { node { title } } }';
    const node = await client.run(
      `{ node(id: "${EDITION}") { ... on Talk { speakers { name } } ... on Edition { ${edition} } } }`,
    );
    const typed = await client.run(`{ edition(id: "${EDITION}") { ${edition} } }`);
    expect(node.errors).toBeUndefined();
    expect(node.data.node).toEqual(typed.data.edition);
    // One statement each: the edition with its talks; the companies come with the edition.
    for (const result of [node, typed]) {
      expect(result.stats.statements).toHaveLength(1);
      expect(result.stats.statements[0]).toMatch(/^edition\/with-talks/);
    }
  });

  it('reads an edition with its talks as every field of its own asks, as the editions list answers them', async () => {
    const own =
      'id label type name aliases year region format city country startDate endDate attendees reference sources { locator }';
    const fields = `${own} talks(first: 2) { totalCount edges { node { title } } }`;
    const early = await client.run(`{ edition(id: "${EDITION}") { ${fields} } }`);
    const listed = await client.run(`{ editions { ${fields} } }`);
    expect(early.errors).toBeUndefined();
    expect(early.data.edition).toEqual(
      (listed.data.editions as { id: string }[]).find((e) => e.id === EDITION),
    );
    // Dates, numbers and lists come through the projection as they do on a whole node.
    expect(early.data.edition).toMatchObject({
      startDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      year: 2019,
      aliases: expect.arrayContaining([expect.any(String)]) as unknown,
    });
    expect(early.stats.statements).toEqual([expect.stringMatching(/^edition\/with-talks.*edition=e\{/)]);
  });

  it('hands an edition read as one field’s properties to that field alone', async () => {
    // The same edition asked by id twice in one request, the first with its talks and a
    // name only: the second, asking its city and dates, must not get the first's partial node.
    const second =
      'node(id: "edition:kubecon-eu-2019") { ... on Edition { name city startDate endDate attendees } }';
    const both = await client.run(
      `{ edition(id: "${EDITION}") { name talks(first: 2) { edges { node { title } } } } ${second} }`,
    );
    const alone = await client.run(`{ ${second} }`);
    expect(both.errors).toBeUndefined();
    expect(both.data.node).toEqual(alone.data.node);
    expect(alone.data.node).toMatchObject({
      city: expect.any(String) as unknown,
      attendees: expect.any(Number) as unknown,
    });
    expect(both.stats.statements.some((name) => name.startsWith('node/one'))).toBe(true);
  });

  it('answers null for an unknown id once the batches started for it are over, with no error from them', async () => {
    for (const field of ['edition(id: "edition:nowhere-1999")', 'node(id: "edition:nowhere-1999")']) {
      const unknown = await client.run(`{ ${field} { ... on Edition { ${FIELDS} } } }`);
      expect(unknown.errors).toBeUndefined();
      expect(Object.values(unknown.data)).toEqual([null]);
      // Started, then waited for: the request still owns them (time budget, shutdown drain),
      // and the rows they found (none) never reach the answer. The edition read with its
      // talks found no edition: that is the lookup's answer, with no node/one after it.
      expect(startedDuringLookup(unknown.stats)).toHaveLength(2);
      expect(unknown.stats.statements.some((name) => name.startsWith('node/one'))).toBe(false);
      expect(unknown.stats.runningAtEnd).toEqual([]);
    }
  });

  it('reports a forged cursor once, as the field itself does, and keeps the other fields', async () => {
    const forged = await client.run(
      `{ edition(id: "${EDITION}") { name talks(first: 5, after: "Zm9yZ2Vk") { edges { node { title } } } } }`,
    );
    expect(forged.errors).toHaveLength(1);
    expect(forged.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(forged.errors![0]!.path).toEqual(['edition', 'talks']);
    // Edition.talks is non-null: the error nulls the edition, as it always did.
    expect(forged.data.edition).toBeNull();
  });

  it('starts nothing for a field that @skip or @include leaves out', async () => {
    const query = `query ($skip: Boolean!) {
      edition(id: "${EDITION}") { talks(first: 5) @skip(if: $skip) { totalCount } projects @include(if: $skip) { name } speakers { name } }
    }`;
    const skipped = await client.run(query, { skip: true });
    expect(skipped.errors).toBeUndefined();
    expect(skipped.stats.statements.some((name) => name.includes('talks'))).toBe(false);
    expect(skipped.stats.statements.filter((name) => name.startsWith('edition/'))).toHaveLength(2);
    const kept = await client.run(query, { skip: false });
    expect(kept.stats.statements.some((name) => name.startsWith('edition/with-talks'))).toBe(true);
    expect(kept.stats.statements.some((name) => name.includes('project'))).toBe(false);
  });
});
