/**
 * Every numeric, cursor and list argument, at and beyond its bounds, on each
 * engine: out-of-range values are BAD_USER_INPUT before any query runs, and
 * the extremes that are allowed run safely (Kuzu 0.11.3 segfaulted on large
 * SKIPs and on empty lists bound to `IN $x`). Forged cursors from issue 8 —
 * offsets of 100,000, 2^32−1 and 2^53 — must never reach a database.
 */
import { encodeCursor, MAX_OFFSET } from '../../src/graphql/pagination';
import { describeEachEngine, MINI_FIXTURES } from '../helpers/engines';
import { graphqlOn } from '../helpers/graphql';

/** A cursor in the unsigned format this API issued before signing. */
const unsigned = (order: string, offset: string) =>
  Buffer.from(`v1:${order}:${offset}`).toString('base64url');

const LISTS = [
  ['talks', 'NEWEST'],
  ['speakers', 'NAME'],
  ['companies', 'NAME'],
  ['projects', 'TALKS'],
] as const;

describeEachEngine('argument bounds', (engine) => {
  const client = graphqlOn(engine, MINI_FIXTURES);

  async function refused(query: string, variables: Record<string, unknown>, pattern: RegExp) {
    const result = await client.run(query, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(pattern);
    expect(result.stats.dbRoundTrips).toBe(0);
  }

  describe.each(LISTS)('%s(orderBy: %s)', (list, order) => {
    const q = `query($a: String, $n: Int) { ${list}(orderBy: ${order}, first: $n, after: $a) { edges { cursor } pageInfo { hasNextPage } } }`;

    it.each([
      ['offset 100,000', unsigned(order, '100000')],
      ['offset 2^32−1', unsigned(order, '4294967295')],
      ['offset 2^53', unsigned(order, '9007199254740992')],
      ['garbage', 'not-a-cursor'],
      ['an empty signature', `${unsigned(order, '1')}.`],
      ['a forged signature', `${unsigned(order, '100000')}.AAAAAAAAAAAAAAAAAAAAAA`],
      ['a very long string', 'x'.repeat(100_000)],
    ])('refuses a cursor with %s before any round trip', async (_, cursor) => {
      await refused(q, { a: cursor }, /not a cursor issued by this API/);
    });

    it('refuses a signed cursor deeper than the maximum offset', async () => {
      await refused(q, { a: encodeCursor(MAX_OFFSET + 1, order) }, /no deeper than offset 5000/);
    });

    it('runs the deepest allowed offset safely: an empty last page', async () => {
      const data = await client.ok(q, { a: encodeCursor(MAX_OFFSET, order), n: 100 });
      expect(data[list]).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
    });

    it('takes back its own cursors, and a tampered one is refused', async () => {
      const page = await client.ok(q, { n: 1 });
      const cursor: string = page[list].edges[0].cursor;
      expect((await client.run(q, { a: cursor, n: 1 })).errors).toBeUndefined();
      const [payload, signature] = cursor.split('.');
      const tampered = `${payload}.${signature!.slice(0, -1)}${signature!.endsWith('A') ? 'B' : 'A'}`;
      await refused(q, { a: tampered }, /not a cursor issued by this API/);
    });

    it.each([[-1], [101]])('refuses first: %d', async (n) => {
      await refused(q, { n }, /first must be between 0 and 100/);
    });

    it('accepts first: 0 and first: 100', async () => {
      expect((await client.ok(q, { n: 0 }))[list].edges).toEqual([]);
      expect((await client.run(q, { n: 100 })).errors).toBeUndefined();
    });
  });

  it('bounds Edition.talks(first, after) the same way', async () => {
    const q = `query($a: String, $n: Int) { edition(id: "edition:kubecon-eu-2018") { talks(first: $n, after: $a) { edges { cursor } } } }`;
    for (const [variables, pattern] of [
      [{ n: 101 }, /first must be between 0 and 100/],
      [{ n: -1 }, /first must be between 0 and 100/],
      [{ a: unsigned('', '100000') }, /not a cursor issued by this API/],
    ] as const) {
      const result = await client.run(q, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(pattern);
    }
    const deepest = await client.ok(q, { a: encodeCursor(MAX_OFFSET), n: 100 });
    expect(deepest.edition.talks.edges).toEqual([]);
  });

  it('refuses Int arguments beyond 32 bits before resolving anything', async () => {
    const result = await client.run('{ talks(first: 9007199254740992) { totalCount } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.stats.dbRoundTrips).toBe(0);
  });

  describe('analyst arguments', () => {
    const search =
      'query($q: String!, $t: [EntityType!], $n: Int) { search(query: $q, types: $t, first: $n) { node { id } } }';

    it.each([
      [{ q: 'envoy', n: -1 }, /first must be between 0 and 50/],
      [{ q: 'envoy', n: 51 }, /first must be between 0 and 50/],
      [{ q: '' }, /at least one letter a-z or digit 0-9/],
      [{ q: '!!! ???' }, /at least one letter a-z or digit 0-9/],
      // Another script is not searchable, and the message says so rather than that it holds no letter.
      [{ q: '東京' }, /other scripts are not searchable/],
      [{ q: 'e'.repeat(201) }, /at most 200 characters/],
      [{ q: 'one two three four five six seven eight nine ten eleven' }, /at most 10 words/],
    ])('search refuses %j', async (variables, pattern) => {
      await refused(search, variables, pattern);
    });

    it('search takes an empty or a full types list, and first: 0', async () => {
      const all = await client.ok(search, { q: 'envoy', t: [] });
      expect(all.search.length).toBeGreaterThan(0);
      const everyType = ['EDITION', 'TALK', 'PERSON', 'COMPANY', 'PROJECT', 'ARTICLE', 'ANNOUNCEMENT'];
      expect((await client.ok(search, { q: 'envoy', t: everyType })).search).toEqual(all.search);
      expect((await client.ok(search, { q: 'envoy', n: 0 })).search).toEqual([]);
    });

    const path = 'query($f: ID!, $t: ID!, $h: Int) { path(from: $f, to: $t, maxHops: $h) { length } }';

    it.each([[0], [7], [-5]])('path refuses maxHops: %d', async (h) => {
      await refused(path, { f: 'company:lyft', t: 'project:envoy', h }, /maxHops must be between 1 and 6/);
    });

    it('path runs at maxHops 1 and 6, and between a node and itself', async () => {
      for (const h of [1, 6]) {
        expect((await client.run(path, { f: 'company:lyft', t: 'project:envoy', h })).errors).toBeUndefined();
      }
      expect((await client.ok(path, { f: 'project:envoy', t: 'project:envoy' })).path).toEqual({ length: 0 });
    });

    it('path refuses ids that are not ids', async () => {
      await refused(path, { f: '', t: 'project:envoy' }, /is not a recap-graph id/);
      await refused(path, { f: 'company:lyft', t: 'x'.repeat(5000) }, /is not a recap-graph id/);
    });

    it('quotes at most 80 characters of an id in its message', async () => {
      const long = 'company:' + 'x'.repeat(900_000);
      const notFound = await client.run(path, { f: long, t: 'project:envoy' });
      expect(notFound.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const wrongKind = await client.run('query($id: ID!) { projectTimeline(projectId: $id) { maturity } }', {
        id: long,
      });
      expect(wrongKind.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      for (const run of [notFound, wrongKind]) {
        const message = String(run.errors?.[0]?.message);
        expect(message).toContain(`${long.slice(0, 80)}… (900008 characters)`);
        expect(message.length).toBeLessThan(200);
      }
    });

    it('never cuts a quoted id between the two halves of an emoji', async () => {
      // 'company:' and 71 letters: the 80th UTF-16 unit is the first half of the first 🚀.
      const id = 'company:' + 'x'.repeat(71) + '🚀'.repeat(10);
      const message = String((await client.run(path, { f: id, t: 'project:envoy' })).errors?.[0]?.message);
      expect(message).toContain(`${'x'.repeat(71)}… (99 characters)`);
      expect(message).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      // One letter fewer and the cut falls after a whole emoji, which is kept.
      const shorter = id.replace('company:x', 'company:');
      const after = String((await client.run(path, { f: shorter, t: 'project:envoy' })).errors?.[0]?.message);
      expect(after).toContain(`${'x'.repeat(70)}🚀… (98 characters)`);
    });

    const links = 'query($n: Int, $e: ID) { companyProjectLinks(first: $n, editionId: $e) { weight } }';

    it.each([[-1], [201]])('companyProjectLinks refuses first: %d', async (n) => {
      await refused(links, { n }, /first must be between 0 and 200/);
    });

    it('companyProjectLinks runs at first 0 and 200 and refuses an id of the wrong kind', async () => {
      expect((await client.ok(links, { n: 0 })).companyProjectLinks).toEqual([]);
      expect((await client.run(links, { n: 200 })).errors).toBeUndefined();
      await refused(links, { e: 'project:envoy' }, /is not an Edition id/);
    });

    const stats = 'query($n: Int) { editionStats(first: $n) { edition { id } talks } }';

    it.each([[-1], [1001]])('editionStats refuses first: %d', async (n) => {
      await refused(stats, { n }, /first must be between 0 and 1000/);
    });

    it('editionStats cuts after first, newest first, and reads nothing for first: 0', async () => {
      const all = (await client.ok(stats, { n: 1000 })).editionStats as unknown[];
      expect(all.length).toBeGreaterThan(2);
      expect((await client.ok(stats, {})).editionStats).toEqual(all); // default 100 > the fixtures' editions
      expect((await client.ok(stats, { n: 2 })).editionStats).toEqual(all.slice(0, 2));
      const none = await client.run(stats, { n: 0 });
      expect(none.data.editionStats).toEqual([]);
      expect(none.stats.dbRoundTrips).toBe(0);
    });

    const roots = 'query($n: Int) { editions(first: $n) { id } articles(first: $n) { id } }';

    it('editions and articles refuse a negative first', async () => {
      await refused(roots, { n: -1 }, /first must be between 0 and 2147483647/);
    });

    it('editions and articles give every row without first, cut after it, and read nothing for first: 0', async () => {
      const all = await client.ok(roots, {});
      expect(all.editions.length).toBeGreaterThan(2);
      expect(all.articles.length).toBeGreaterThan(2);
      const two = await client.ok(roots, { n: 2 });
      expect(two.editions).toEqual(all.editions.slice(0, 2));
      expect(two.articles).toEqual(all.articles.slice(0, 2));
      expect(await client.ok(roots, { n: 2 ** 31 - 1 })).toEqual(all);
      const none = await client.run(roots, { n: 0 });
      expect(none.data).toEqual({ editions: [], articles: [] });
      expect(none.stats.dbRoundTrips).toBe(0);
    });

    // An empty id is no id: from GraphQL it is refused, never read as "no filter" (the whole list).
    it.each([
      ['talks', 'editionId'],
      ['talks', 'speakerId'],
      ['talks', 'companyId'],
      ['talks', 'projectId'],
      ['speakers', 'companyId'],
      ['speakers', 'editionId'],
      ['companies', 'editionId'],
      ['projects', 'editionId'],
    ])('%s refuses an empty filter.%s', async (list, key) => {
      const query = `query($v: ID) { ${list}(first: 1, filter: { ${key}: $v }) { totalCount } }`;
      await refused(query, { v: '' }, new RegExp(`filter\\.${key}: "" is not a recap-graph id`));
      // Null, or the key left out, is no filter.
      expect((await client.run(query, { v: null })).errors).toBeUndefined();
    });

    it('node and projectTimeline refuse malformed ids', async () => {
      await refused('{ node(id: "") { id } }', {}, /is not a recap-graph id/);
      await refused('{ projectTimeline(projectId: "company:lyft") { maturity } }', {}, /is not a Project id/);
    });

    // Kinds are looked up as own keys: Object's inherited names are no kind, and neither is an id without a colon.
    it.each(['constructor:x', '__proto__:x', 'toString:x', 'companyX', 'company'])(
      'node and path refuse %s as no recap-graph id',
      async (id) => {
        await refused('query($id: ID!) { node(id: $id) { id } }', { id }, /is not a recap-graph id/);
        await refused(path, { f: id, t: 'project:envoy' }, /is not a recap-graph id/);
        await refused(path, { f: 'project:envoy', t: id }, /is not a recap-graph id/);
      },
    );
  });
});
