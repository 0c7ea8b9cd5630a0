/**
 * Exports beyond the four lists' basics (tests/server/http.test.ts): filter
 * names are checked, NDJSON keeps lists as arrays, and the company–project
 * matrix and edition stats export the same rows their GraphQL fields return.
 */
import { describeEachEngine } from '../helpers/engines';
import { startTestService, type TestService } from '../helpers/service';
import { adHocQuery } from '../helpers/queries';
import { recard } from '../../src/load/recard';
import { stampLoad } from '../../src/load/stamp';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describeEachEngine('exports: tables, filter names, list columns', (engine) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(undefined, engine);
  }, 60_000);
  afterAll(() => service.close());

  const get = (path: string) => fetch(`${service.url}${path}`);
  const ndjson = async (path: string) =>
    (await (await get(path)).text())
      .trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Json);

  async function graphql(query: string, variables: Record<string, unknown> = {}) {
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Json;
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  describe('export filter names', () => {
    it.each([
      ['/export/talks.csv?editionid=edition:kubecon-eu-2018', 'editionid', 'talks'],
      ['/export/speakers.ndjson?name=nova', 'name', 'speakers'],
      [
        '/export/company-project-links.csv?edition=edition:kubecon-eu-2018',
        'edition',
        'company-project-links',
      ],
      ['/export/edition-stats.ndjson?year=2019', 'year', 'edition-stats'],
    ])('%s is a 400 UNKNOWN_FILTER naming the misspelt name', async (path, name, table) => {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await res.json()) as Json;
      expect(body.code).toBe('UNKNOWN_FILTER');
      expect(body.error).toContain(`unknown filter "${name}" for ${table}`);
    });

    it('refuses a filter given twice rather than keeping one of its values', async () => {
      const res = await get(
        '/export/talks.csv?editionId=edition:kubecon-eu-2019&editionId=edition:kubecon-eu-2018',
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as Json;
      expect(body.code).toBe('BAD_USER_INPUT');
      expect(body.error).toContain('"editionId" is given more than once');
    });

    it('still accepts every documented filter, and an empty one', async () => {
      const res = await get(
        '/export/talks.csv?editionId=&kind=TALK&speakerId=&companyId=&projectId=&titleContains=',
      );
      expect(res.status).toBe(200);
    });
  });

  describe('methods', () => {
    // README, Errors: routes other than /graphql answer a method they do not take with 405.
    it.each([
      ['POST', '/export/talks.csv'],
      ['PUT', '/export/company-project-links.ndjson'],
      ['DELETE', '/export/edition-stats.csv'],
      ['OPTIONS', '/export/speakers.csv'],
      ['POST', '/healthz'],
      ['POST', '/readyz'],
      ['DELETE', '/metrics'],
    ])('%s %s is a 405 naming GET and HEAD, as { error }', async (method, path) => {
      const res = await fetch(`${service.url}${path}`, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      const body = (await res.json()) as Json;
      expect(body.error).toContain(`${method} is not allowed on ${path}`);
      expect(body.code).toBeUndefined();
    });

    it('an unknown table is still a 404, whatever the method', async () => {
      expect((await fetch(`${service.url}/export/nope.csv`, { method: 'POST' })).status).toBe(404);
      expect((await get('/export/nope.csv')).status).toBe(404);
    });
  });

  describe('NDJSON list columns', () => {
    it('are JSON arrays (CSV joins the same lists with "; ")', async () => {
      const [talk] = await ndjson('/export/talks.ndjson?editionId=edition:kubecon-eu-2018');
      expect(talk.projects).toEqual(['Envoy', 'Istio', 'Tokio']);
      expect(talk.speakers).toEqual(['Matt Klein']);
      expect(talk.sources).toEqual(['article:xebia-kubecon-eu-2018-day-2 ¶44']);
      expect(talk.editionId).toBe('edition:kubecon-eu-2018');
      const companies = await ndjson('/export/companies.ndjson');
      expect(companies.every((c) => Array.isArray(c.aliases) && Array.isArray(c.talks))).toBe(true);
      const csv = await (await get('/export/talks.csv?editionId=edition:kubecon-eu-2018')).text();
      expect(csv).toContain(',Envoy; Istio; Tokio,');
    });
  });

  describe('list exports', () => {
    // Each relationship column against its GraphQL field, in the field's order: a column reads
    // the field's names twin where it has one, which must give the same nodes. The fields ask
    // `aliases` too, so GraphQL reads them as whole nodes, not through the same twins.
    const unique = (values: string[]) => [...new Set(values)];
    const names = (nodes: { name: string }[]) => nodes.map((n) => n.name);
    const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);
    it.each<[string, string, (node: Json) => Record<string, unknown>]>([
      [
        'talks',
        `{ talks(first: 100) { edges { node { id edition { id year } participants { person { name aliases } }
          companies { name aliases } projects { name aliases } } } } }`,
        (t: Json) => ({
          editionId: t.edition.id,
          speakers: unique(t.participants.map((p: Json) => p.person.name)),
          companies: names(t.companies),
          projects: names(t.projects),
        }),
      ],
      [
        'speakers',
        '{ speakers(first: 100) { edges { node { id companies { name aliases } talks { id title } } } } }',
        (p: Json) => ({ companies: names(p.companies), talks: ids(p.talks) }),
      ],
      [
        'companies',
        '{ companies(first: 100) { edges { node { id talks { id title } projects { name aliases } } } } }',
        (c: Json) => ({ talks: ids(c.talks), projects: names(c.projects) }),
      ],
      [
        'projects',
        '{ projects(first: 100) { edges { node { id homepage companies { name aliases } talks { id title } } } } }',
        // homepage: as the URL scalar gives it (`https://falco.org/`), not as stored.
        (p: Json) => ({ homepage: p.homepage, companies: names(p.companies), talks: ids(p.talks) }),
      ],
    ])('%s: every relationship column holds what its GraphQL field gives', async (table, query, columns) => {
      const data = await graphql(query);
      const nodes: Json[] = data[table].edges.map((e: Json) => e.node);
      const rows = await ndjson(`/export/${table}.ndjson`);
      expect(rows.map((r) => r.id)).toEqual(nodes.map((n) => n.id));
      const expected = nodes.map(columns);
      expect(rows.map((r) => Object.fromEntries(Object.keys(expected[0]!).map((k) => [k, r[k]])))).toEqual(
        expected,
      );
      // The fixtures give every column something to compare.
      for (const key of Object.keys(expected[0]!)) {
        expect(expected.some((e: Json) => (Array.isArray(e[key]) ? e[key].length > 0 : e[key]))).toBe(true);
      }
    });
  });

  describe('talks export', () => {
    /** The talks export's rows and the names of the statements it ran. */
    async function exportTalks(query = ''): Promise<{ rows: Json[]; statements: string[] }> {
      const { engine } = service.store;
      const read = engine.read.bind(engine);
      const statements: string[] = [];
      const spy = jest.spyOn(engine, 'read').mockImplementation((query, params) => {
        statements.push(query.name);
        return read(query, params);
      });
      try {
        return { rows: await ndjson(`/export/talks.ndjson${query}`), statements };
      } finally {
        spy.mockRestore();
      }
    }
    const BATCHES = [
      'talk/participant-names',
      'talk/project-names',
      'talk/company-names',
      'talk/edition-name',
      'talk/edition',
    ];

    it('reads speakers, projects and companies from the talk cards, and the edition id each talk stores', async () => {
      const { rows, statements } = await exportTalks();
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.some((r) => r.speakers.length > 0 && r.projects.length > 0 && r.companies.length > 0)).toBe(
        true,
      );
      expect(statements.filter((name) => BATCHES.includes(name))).toEqual([]);
    });

    it('reads the cards of a page of one talk too, by its key', async () => {
      const { rows, statements } = await exportTalks('?speakerId=person:kris-nova');
      expect(rows.map((r) => [r.id, r.speakers, r.projects])).toEqual([
        ['talk:shopify-falco', ['Kris Nóva', 'Shane Lawrence'], ['Falco']],
      ]);
      expect(statements.filter((name) => BATCHES.includes(name))).toEqual([]);
      expect(statements.filter((name) => name.startsWith('node/one'))).toHaveLength(1);
    });

    it('reads a talk whose card cannot be read through the batches, with the same row', async () => {
      const { engine, queries } = service.store;
      const before = await exportTalks();
      const id = before.rows.find(
        (r) => r.speakers.length > 0 && r.projects.length > 0 && r.companies.length > 0,
      )!.id as string;
      await engine.write(async (tx) => {
        await tx.run(
          adHocQuery(
            'spoil-card',
            'MATCH (t:Talk) WHERE t.id = $id SET t.participantRows = $value, t.projectRows = $value, t.companyRows = $value',
            ['id', 'value'],
          ),
          { id, value: 'not json' },
        );
        await stampLoad(engine, tx, queries, false);
      });
      try {
        const after = await exportTalks();
        expect(after.rows).toEqual(before.rows);
        expect(after.statements).toEqual(
          expect.arrayContaining(['talk/participant-names', 'talk/project-names', 'talk/company-names']),
        );
      } finally {
        await engine.write(async (tx) => {
          await recard(tx, queries);
          await stampLoad(engine, tx, queries, false);
        });
      }
    });
  });

  describe('company–project matrix export', () => {
    const LINKS = `query($e: ID) { companyProjectLinks(editionId: $e, first: 200) {
      company { id name } project { id name } weight talks { id } announcements { id } backing } }`;
    const asRows = (
      links: {
        company: { id: string; name: string };
        project: { id: string; name: string };
        weight: number;
        talks: { id: string }[];
        announcements: { id: string }[];
        backing: string[];
      }[],
    ) =>
      links.map((l) => ({
        companyId: l.company.id,
        company: l.company.name,
        projectId: l.project.id,
        project: l.project.name,
        weight: l.weight,
        talks: l.talks.map((t) => t.id).sort(),
        announcements: l.announcements.map((a) => a.id).sort(),
        backing: l.backing,
      }));

    it('exports the same links as the GraphQL field, whole graph and per edition', async () => {
      for (const editionId of [null, 'edition:kubecon-eu-2018']) {
        const { companyProjectLinks } = await graphql(LINKS, { e: editionId });
        const path = `/export/company-project-links.ndjson${editionId ? `?editionId=${editionId}` : ''}`;
        const rows = await ndjson(path);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows).toEqual(asRows(companyProjectLinks));
      }
    });

    it('as CSV: a header, then one row a link with lists joined by "; "', async () => {
      const res = await get('/export/company-project-links.csv?projectId=project:envoy');
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      const lines = (await res.text()).trimEnd().split('\n');
      expect(lines[0]).toBe('companyId,company,projectId,project,weight,talks,announcements,backing');
      const { companyProjectLinks } = await graphql(`
        {
          companyProjectLinks(projectId: "project:envoy", first: 200) {
            company {
              id
            }
            weight
          }
        }
      `);
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(
        companyProjectLinks.map((l: { company: { id: string } }) => l.company.id),
      );
      expect(lines.slice(1).map((l) => Number(l.split(',')[4]))).toEqual(
        companyProjectLinks.map((l: { weight: number }) => l.weight),
      );
    });

    it('answers 400 BAD_USER_INPUT for an id of the wrong kind', async () => {
      const res = await get('/export/company-project-links.csv?editionId=company:lyft');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: 'editionId: "company:lyft" is not an Edition id',
        code: 'BAD_USER_INPUT',
      });
    });
  });

  describe('edition stats export', () => {
    it('exports the same counts as Query.editionStats, newest first', async () => {
      const { editionStats } = await graphql(
        '{ editionStats { edition { id name year } talks speakers companies projects announcements } }',
      );
      const rows = await ndjson('/export/edition-stats.ndjson');
      expect(rows).toEqual(
        editionStats.map(
          (s: { edition: { id: string; name: string; year: number } } & Record<string, number>) => ({
            editionId: s.edition.id,
            edition: s.edition.name,
            year: s.edition.year,
            talks: s.talks,
            speakers: s.speakers,
            companies: s.companies,
            projects: s.projects,
            announcements: s.announcements,
          }),
        ),
      );
      const csv = (await (await get('/export/edition-stats.csv')).text()).trimEnd().split('\n');
      expect(csv[0]).toBe('editionId,edition,year,talks,speakers,companies,projects,announcements');
      expect(csv).toHaveLength(editionStats.length + 1);
    });
  });
});
