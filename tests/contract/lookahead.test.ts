/**
 * Look-ahead variants (src/graphql/lookahead.ts) must answer exactly as the
 * plain loaders do, on each engine, over the real fixtures, whose people include
 * speakers credited to two companies at one edition, affiliated only at other
 * editions, or not affiliated at all.
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { describeEachEngine } from '../helpers/engines';
import { graphqlOn } from '../helpers/graphql';
import { headAnswers } from '../../src/store/talk-heads';

interface Participation {
  role: string;
  jobTitle: string | null;
  company: { id: string } | null;
  person: { id: string; companies?: { id: string }[] };
}
type Page = { talks: { edges: { node: { id: string; participants: Participation[] } }[] } };

/** A deep copy of a GraphQL answer without the fields named `field`, to compare with an answer that lacks them. */
const without =
  (field: string) =>
  (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === field ? undefined : v)));

const page = (person: string) =>
  `{ talks(first: 100) { edges { node { id participants { role jobTitle company { id } person ${person} } } } } }`;

describeEachEngine('look-ahead', (engine) => {
  const client = graphqlOn(engine, join(PROJECT_ROOT, 'fixtures'));

  it('answers participants with their people’s companies as the plain loaders do', async () => {
    const run = await client.run(page('{ id companies { id } }'));
    const ahead = run.data as Page;
    // The page, then participants with every person's companies: people with no company included.
    expect(run.stats.dbRoundTrips).toBe(2);
    const plain = (await client.ok(page('{ id }'))) as Page;
    // The participations themselves (company at the talk's edition included), in order.
    const strip = (p: Page) =>
      p.talks.edges.map((e) => ({
        ...e.node,
        participants: e.node.participants.map((x) => ({ ...x, person: { id: x.person.id } })),
      }));
    expect(strip(ahead)).toEqual(strip(plain));
    expect(ahead.talks.edges.length).toBeGreaterThan(40);
    // Each person's companies, as Person.companies answers alone.
    const people = ahead.talks.edges.flatMap((e) => e.node.participants.map((x) => x.person));
    const alone = (await client.ok(
      `{ speakers(first: 100) { edges { node { id companies { id } } } } }`,
    )) as { speakers: { edges: { node: { id: string; companies: { id: string }[] } }[] } };
    const byId = new Map(alone.speakers.edges.map((e) => [e.node.id, e.node.companies]));
    for (const person of people)
      expect([person.id, person.companies]).toEqual([person.id, byId.get(person.id)]);
    // The data has the cases that matter: two companies at one edition, and none.
    const counts = ahead.talks.edges.flatMap((e) => {
      const seen = new Map<string, number>();
      for (const x of e.node.participants)
        if (x.company) seen.set(x.person.id, (seen.get(x.person.id) ?? 0) + 1);
      return [...seen.values()];
    });
    expect(counts.some((n) => n > 1)).toBe(true);
    expect(ahead.talks.edges.some((e) => e.node.participants.some((x) => x.company === null))).toBe(true);
  });

  it('answers affiliations from the participants-with-companies rows, editions asked by id with no statement', async () => {
    type Aff = { jobTitle: string | null; company: { id: string }; edition: Record<string, string> | null };
    type People = {
      talks: { edges: { node: { speakers: { id: string; affiliations: Aff[] }[] } }[] };
    };
    const affiliations = (edition: string) =>
      `{ talks(first: 40) { edges { node { speakers { id affiliations { jobTitle company { id } edition ${edition} } } } } } }`;
    const byId = await client.run(affiliations('{ id __typename }'));
    expect(byId.errors).toBeUndefined();
    // The page, then participants with every affiliation: no edition batch.
    expect(byId.stats.dbRoundTrips).toBe(2);
    // Editions asked beyond their id come from talk/participants-people, primed too.
    const named = await client.run(affiliations('{ id name __typename }'));
    expect(named.stats.dbRoundTrips).toBe(2);
    const people = (d: unknown) => (d as People).talks.edges.flatMap((e) => e.node.speakers);
    // The same affiliations, in the same order, whichever statement brought them,
    // and each edition id names the edition the loaded node has.
    const light = people(byId.data);
    const full = people(named.data);
    expect(light).toEqual(
      full
        .map((p) => ({
          ...p,
          affiliations: p.affiliations.map((a) => ({
            ...a,
            edition: a.edition && { ...a.edition, name: undefined },
          })),
        }))
        .map((p) => JSON.parse(JSON.stringify(p)) as unknown),
    );
    expect(full.flatMap((p) => p.affiliations).every((a) => a.edition === null || a.edition.name)).toBe(true);
    // And as Person.affiliations answers for each person asked on their own.
    for (const person of light.slice(0, 12)) {
      const alone = await client.run(
        `query($id: ID!) { node(id: $id) { ... on Person { id affiliations { jobTitle company { id } edition { id __typename } } } } }`,
        { id: person.id },
      );
      expect(alone.data.node).toEqual(person);
    }
    expect(light.some((p) => p.affiliations.length > 1)).toBe(true);
  });

  it('answers affiliations asked only companies’ names and editions’ ids as stubs, as whole affiliations do', async () => {
    const affiliations = (company: string) =>
      `affiliations { __typename company { id name ${company} } edition { id } }`;
    type People = { speakers: { edges: { node: { id: string; affiliations: unknown[] } }[] } };
    const speakers = (company: string) =>
      `{ speakers(first: 100) { edges { node { id ${affiliations(company)} } } } }`;
    // Top level: their own statement, person/affiliation-names, against person/affiliations.
    const light = await client.run(speakers(''));
    expect(light.errors).toBeUndefined();
    expect(light.stats.statements.slice(1)).toEqual(['person/affiliation-names']);
    const whole = await client.run(speakers('aliases'));
    expect(whole.stats.statements.slice(1)).toEqual(['person/affiliations']);
    expect(light.data).toEqual(without('aliases')(whole.data));
    const people = (light.data as People).speakers.edges.map((e) => e.node);
    expect(people.some((p) => p.affiliations.length > 1)).toBe(true);
    // Under a talk page: from the talks' cards (the stored first page), no statement of their own,
    // and each speaker as asked on their own.
    const talks = `{ talks(first: 40) { edges { node { speakers { id ${affiliations('')} } } } } }`;
    const carded = await client.run(talks);
    expect(carded.errors).toBeUndefined();
    expect(carded.stats.statements).toEqual(['head/talks']);
    type Talks = { talks: { edges: { node: { speakers: { id: string }[] } }[] } };
    const onStage = (carded.data as Talks).talks.edges.flatMap((e) => e.node.speakers);
    const byId = new Map(people.map((p) => [p.id, p]));
    expect(onStage.length).toBeGreaterThan(20);
    for (const speaker of onStage) expect(speaker).toEqual(byId.get(speaker.id) ?? speaker);
    expect(onStage.filter((s) => byId.has(s.id)).length).toBeGreaterThan(10);
  });

  it('answers people, companies and projects asked only by id and name from the names statements, as whole nodes do', async () => {
    const named = '{ id name label type __typename }';
    const withNames = (extra: string) => `{ ${named.slice(2, -2)} ${extra} }`;
    const talks = (person: string, company: string, project: string) => [
      `{ talks(first: 35) { edges { node { id speakers { ...P } companies ${company} projects ${project} } } } }
       fragment P on Person { id name label type companies ${company} ${person} }`,
      `{ talks(first: 35) { edges { node { id participants { role person { id name ${person} } company ${company} } } } } }`,
    ];
    /** Runs `query`, which must succeed, and checks the statements after the page's, in any order. */
    const runWith = async (query: string, statements: string[]) => {
      const result = await client.run(query);
      expect(result.errors).toBeUndefined();
      expect(result.stats.statements.slice(1).sort()).toEqual(statements);
      return result.data;
    };
    const [fastPage, fastParticipants] = talks('', named, named);
    // The stored first page, which brings its talks' cards (speakers with their companies'
    // names, projects: tests/contract/cards.test.ts) and companies' names (src/load/heads.ts).
    const fast = await runWith(fastPage!, []);
    const fastP = await runWith(fastParticipants!, ['talk/participant-names']);
    // A field a stub does not hold (aliases) at every level makes each level load whole nodes.
    const [loadedPage, loadedParticipants] = talks('aliases', withNames('aliases'), withNames('aliases'));
    const loaded = await runWith(loadedPage!, [
      'talk/companies',
      'talk/participants-companies',
      'talk/projects',
    ]);
    const loadedP = await runWith(loadedParticipants!, ['talk/participants']);
    expect(fast).toEqual(without('aliases')(loaded));
    expect(fastP).toEqual(without('aliases')(loadedP));
    // A participation's company with no aliases answers [] (Kuzu stores an empty list as null).
    type WithAliases = {
      talks: { edges: { node: { participants: { company: { aliases: string[] } | null }[] } }[] };
    };
    const companies = (loadedP as WithAliases).talks.edges.flatMap((e) =>
      e.node.participants.map((p) => p.company),
    );
    expect(companies.some((c) => c !== null && c.aliases.length === 0)).toBe(true);
    type Talks = {
      talks: { edges: { node: { speakers: { companies: unknown[] }[]; projects: unknown[] } }[] };
    };
    const edges = (fast as Talks).talks.edges;
    expect(edges.length).toBe(35);
    expect(edges.some((e) => e.node.speakers.some((p) => p.companies.length > 1))).toBe(true);
    expect(edges.some((e) => e.node.projects.length > 1)).toBe(true);
    // Speakers asked alone by name, top level: Person.companies from its own names statement.
    const alone = await client.run(`{ speakers(first: 100) { edges { node { id companies ${named} } } } }`);
    const whole = await client.ok(
      `{ speakers(first: 100) { edges { node { id companies ${withNames('aliases')} } } } }`,
    );
    expect(alone.stats.statements.slice(1)).toEqual(['person/company-names']);
    expect(alone.data).toEqual(without('aliases')(whole));
  });

  it.each([
    // A page of projects or companies answers these from its cards (./node-cards.test.ts):
    // the batches run for the projects and companies an edition reaches.
    [
      'edition/projects-all-scopes,project/company-names',
      (x: string) => `{ editions { id projects { id companies ${x} } } }`,
    ],
    [
      'company/project-names,edition/companies-all-scopes',
      (x: string) => `{ editions { id companies { id projects ${x} } } }`,
    ],
    ['company/person-names', (x: string) => `{ companies(first: 50) { edges { node { id people ${x} } } } }`],
    [
      'person/project-names',
      (x: string) => `{ speakers(first: 50) { edges { node { id projects ${x} } } } }`,
    ],
    ['edition/speaker-names', (x: string) => `{ editions { id speakers ${x} } }`],
    ['edition/company-names', (x: string) => `{ editions { id companies(scope: STAGE) ${x} } }`],
    [
      'edition/company-names,edition/coverage-company-names',
      (x: string) => `{ editions { id companies(scope: COVERAGE) ${x} } }`,
    ],
    ['edition/project-names', (x: string) => `{ editions { id projects(scope: STAGE) ${x} } }`],
    [
      'edition/coverage-project-names,edition/project-names',
      (x: string) => `{ editions { id projects(scope: COVERAGE) ${x} } }`,
    ],
    ['edition/project-names-all-scopes', (x: string) => `{ editions { id projects ${x} } }`],
    // An edition's companies in every scope come from its card (./node-cards.test.ts).
  ])('answers %s as the whole nodes do', async (names, query) => {
    const fast = await client.run(query('{ id name label type __typename }'));
    expect(fast.errors).toBeUndefined();
    expect(fast.stats.statements.slice(1).sort()).toEqual(names.split(','));
    const whole = await client.run(query('{ id name label type __typename aliases }'));
    for (const name of names.split(',').filter((n) => n.includes('-names'))) {
      expect(whole.stats.statements).not.toContain(name);
    }
    expect(fast.data).toEqual(without('aliases')(whole.data));
    expect(JSON.stringify(fast.data).match(/"name"/g)!.length).toBeGreaterThan(10);
  });

  /** Talk fields asked of a page, and what its statement reads for them (besides the id). */
  const TALK_SELECTIONS = [
    // Speakers and projects asked by name: the talks' cards too (src/graphql/cards.ts).
    [
      'id title label type speakers { name } projects { name }',
      'editionId,id,participantRows,projectRows,title',
    ],
    ['title companies { id name __typename }', 'companyRows,id,title'],
    [
      'kind day summary originalTitle sources { locator article { id } }',
      'day,id,kind,originalTitle,sources,summary',
    ],
    // A page's editions asked only for ids and names come projected too; asked for more, whole.
    ['__typename id type edition { id }', 'id', 'edition{id,name}'],
    ['title edition { id name label }', 'id,title', 'edition{id,name}'],
    ['title edition { name year }', 'id,title', ''],
  ] as const;

  /** Each talk of `ids` as Query.node answers it (whole nodes, through the node loader), by id. */
  const wholeTalks = async (ids: string[], fields: string) => {
    const talks = new Map<string, unknown>();
    // 15 aliases a request at most (the query limits).
    for (let start = 0; start < ids.length; start += 15) {
      const chunk = ids.slice(start, start + 15);
      const aliases = chunk
        .map((id, i) => `t${i}: node(id: "${id}") { ... on Talk { ${fields} } }`)
        .join(' ');
      const data = (await client.ok(`{ ${aliases} }`)) as Record<string, { id: string }>;
      for (const talk of Object.values(data)) talks.set(talk.id, talk);
    }
    return talks;
  };

  it.each([
    ['no filter', ''],
    ['an edition', 'filter: { editionId: "edition:kubecon-eu-2019" }, '],
    ['a speaker', 'filter: { speakerId: "person:matt-klein" }, '],
    ['a company', 'filter: { companyId: "company:google" }, '],
    ['a project', 'filter: { projectId: "project:kubernetes" }, '],
  ])(
    'reads a talk page filtered by %s as the properties its fields need, answering as whole talks do',
    async (_what, filter) => {
      for (const [fields, read, editions = ''] of TALK_SELECTIONS) {
        for (const extra of ['totalCount', '']) {
          type Page = { talks: { edges: { node: { id: string } }[] } };
          const result = await client.run(
            `{ talks(${filter}first: 30) { ${extra} edges { node { id ${fields} } } } }`,
          );
          expect(result.errors).toBeUndefined();
          const asked = !fields.includes('edition') ? 'none' : editions ? 'names' : 'whole';
          if (filter === '' && headAnswers('NEWEST', { skip: 0, limit: 30 }, read.split(','), asked)) {
            // What a stored first page holds (src/load/heads.ts): that page, its total and
            // its editions' names included.
            expect(result.stats.statements[0]).toBe('head/talks');
          } else {
            // The page statement, projected; unset filters pruned away (`pruned` in store/queries).
            expect(result.stats.statements[0]).toMatch(
              new RegExp(
                `^list/talks-[a-z-]+t\\{${read}\\}${editions.replace(/[{}]/g, '\\$&')}(-without\\([a-zA-Z,:]+\\))?(-with\\([a-zA-Z,:]+\\))?$`,
              ),
            );
          }
          // The page's editions come with it, projected or whole: never a statement of their own.
          expect(result.stats.statements.filter((name) => name.startsWith('talk/edition'))).toEqual([]);
          const talks = (result.data as Page).talks.edges.map((e) => e.node);
          expect(talks.length).toBeGreaterThan(0);
          const whole = await wholeTalks(
            talks.map((t) => t.id),
            `id ${fields}`,
          );
          for (const talk of talks) expect(talk).toEqual(whole.get(talk.id));
        }
      }
    },
  );

  /** Named lists, each with fields asked of its nodes and what its statement then reads (null: whole nodes). */
  const NAMED_SELECTIONS = [
    ['speakers', 'p', 'Person', 'label type companies { name } talks { id }', 'id,name'],
    ['speakers', 'p', 'Person', 'aliases affiliations { company { id } }', 'aliases,id,name'],
    // Projects' companies and companies' projects asked by name: their cards too.
    ['companies', 'c', 'Company', 'homepage projects { name } people { id }', 'homepage,id,name,projectRows'],
    ['companies', 'c', 'Company', 'aliases backs { kind company { homepage } }', null],
    [
      'projects',
      'p',
      'Project',
      'cncf maturity description companies { name }',
      'cncf,description,id,maturity,name,companyRows',
    ],
    ['projects', 'p', 'Project', 'homepage aliases backers { company { id } project { homepage } }', null],
  ] as const;

  it.each(NAMED_SELECTIONS)(
    'reads a page of %s as the properties its fields need (%s %s: %s), answering as whole nodes do',
    async (list, variable, type, fields, read) => {
      for (const args of [
        'first: 40',
        'first: 40, orderBy: TALKS',
        'filter: { editionId: "edition:kubecon-eu-2019" }',
      ]) {
        const result = await client.run(
          `{ ${list}(${args}) { totalCount edges { node { id ${fields} } } } }`,
        );
        expect(result.errors).toBeUndefined();
        const statement = result.stats.statements[0]!;
        if (read) expect(statement).toMatch(new RegExp(`^list/${list}${variable}\\{${read}\\}`));
        else expect(statement).not.toMatch(/\{/);
        type Page = Record<string, { edges: { node: { id: string } }[] }>;
        const nodes = (result.data as Page)[list]!.edges.map((e) => e.node);
        expect(nodes.length).toBeGreaterThan(2);
        const aliases = nodes.map((n, i) => `n${i}: node(id: "${n.id}") { ... on ${type} { id ${fields} } }`);
        const whole = new Map<string, unknown>();
        for (let start = 0; start < aliases.length; start += 15) {
          const data = (await client.ok(`{ ${aliases.slice(start, start + 15).join(' ')} }`)) as Record<
            string,
            { id: string }
          >;
          for (const node of Object.values(data)) whole.set(node.id, node);
        }
        for (const node of nodes) expect(node).toEqual(whole.get(node.id));
      }
    },
  );

  it('reads a page’s editions whole when one alias asks more than names, and answers both from the page', async () => {
    type Edge = { node: { id: string; a: { name: string }; b: { name: string; year: number } } };
    const result = await client.run(
      '{ talks(first: 30) { edges { node { id a: edition { name } b: edition { name year } } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.stats.statements).toHaveLength(1);
    expect(result.stats.statements[0]).not.toMatch(/edition\{/);
    const edges = (result.data as { talks: { edges: Edge[] } }).talks.edges;
    expect(edges.length).toBeGreaterThan(2);
    for (const { node } of edges) {
      expect(node.a.name).toBe(node.b.name);
      expect(node.b.year).toBeGreaterThan(2000);
    }
  });

  it('reads an edition’s talks as the properties their fields need, answering as whole talks do', async () => {
    type Editions = {
      editions: { talks: { pageInfo: { endCursor: string | null }; edges: { node: { id: string } }[] } }[];
    };
    const check = async (window: string, fields: string, read: string) => {
      const result = await client.run(
        `{ editions { id talks(${window}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id ${fields} } } } } }`,
      );
      expect(result.errors).toBeUndefined();
      // Edition.talks reads every talk of its editions, so it reads only their small
      // cards (projects', companies'), never their participants' (with their edition).
      const columns = read.split(',').filter((p) => !['editionId', 'participantRows'].includes(p));
      expect(result.stats.statements).toContain(`edition/talkst{${columns.join(',')}}`);
      const data = result.data as Editions;
      const talks = data.editions.flatMap((e) => e.talks.edges.map((edge) => edge.node));
      expect(talks.length).toBeGreaterThan(2);
      const whole = await wholeTalks(
        talks.map((t) => t.id),
        `id ${fields}`,
      );
      for (const talk of talks) expect(talk).toEqual(whole.get(talk.id));
      return data;
    };
    for (const [fields, read] of TALK_SELECTIONS) {
      await check('first: 50', fields, read);
      const first = await check('first: 3', fields, read);
      // The next window of the first edition with more than three talks.
      const cursor = first.editions.map((e) => e.talks.pageInfo.endCursor).find(Boolean)!;
      await check(`first: 3, after: "${cursor}"`, fields, read);
    }
  });

  it('counts a talk page in its own statement or alongside it, as the engine prefers (or from its stored first page), with one answer', async () => {
    type Page = { talks: { totalCount: number; edges: { node: { id: string } }[] } };
    const apart = client.store().engine.countsApart;
    expect(apart).toBe(engine.name === 'kuzu');
    for (const filter of [
      '',
      'filter: { editionId: "edition:kubecon-eu-2019" }, ',
      'filter: { projectId: "project:envoy" }, ',
    ]) {
      for (const first of [20, 0]) {
        const result = await client.run(
          `{ talks(${filter}first: ${first}) { totalCount edges { node { id } } } }`,
        );
        expect(result.errors).toBeUndefined();
        const page = (result.data as Page).talks;
        // The total is the list's size, whichever way it was counted.
        const all = (await client.ok(`{ talks(${filter}first: 100) { edges { node { id } } } }`)) as Page;
        expect(page.totalCount).toBe(all.talks.edges.length);
        expect(page.edges).toEqual(all.talks.edges.slice(0, first));
        const names = result.stats.statements;
        if (filter === '') {
          // The stored first page, which holds the total (src/load/heads.ts), on either engine.
          expect(names).toEqual(['head/talks']);
        } else if (apart) {
          expect(names.some((name) => name.includes('-counted'))).toBe(false);
          expect(names.filter((name) => /^list\/talks-[a-z-]+-count\b/.test(name))).toHaveLength(1);
          expect(names).toHaveLength(2);
        } else {
          expect(names).toHaveLength(1);
          expect(names[0]).toMatch(/^list\/talks-[a-z-]+-counted/);
        }
      }
    }
  });

  it('reads the talks of links as the properties their fields need, answering as whole talks do', async () => {
    type Links = {
      companyProjectLinks: { company: { id: string }; project: { id: string }; talks: { id: string }[] }[];
    };
    const links = (fields: string, args = 'first: 30') =>
      `{ companyProjectLinks(${args}) { company { id } project { id } talks { ${fields} } } }`;
    for (const [fields, read] of TALK_SELECTIONS) {
      const result = await client.run(links(`id ${fields}`));
      expect(result.errors).toBeUndefined();
      // Talk.edition's id comes from the talk's own id: the projection reads no editionId,
      // and a link's talks read no cards.
      const columns = read
        .split(',')
        .filter((p) => !['editionId', 'participantRows', 'projectRows', 'companyRows'].includes(p));
      if (columns.every((c) => c === 'id' || c === 'title')) {
        // Ids and titles: stored with the facts of the matrix's first page (src/load/link-heads.ts).
        expect(result.stats.statements).toContain('head/link-facts');
        expect(result.stats.statements.some((name) => name.startsWith('node/'))).toBe(false);
      } else {
        expect(result.stats.statements).toContain(`node/talk-fieldsn{${columns.join(',')}}`);
      }
      expect(result.stats.statements).not.toContain('node/talk');
      const talks = (result.data as Links).companyProjectLinks.flatMap((link) => link.talks);
      expect(new Set(talks.map((t) => t.id)).size).toBeGreaterThan(2);
      const whole = await wholeTalks([...new Set(talks.map((t) => t.id))], `id ${fields}`);
      for (const talk of talks) expect(talk).toEqual(whole.get(talk.id));
    }
    // A lone talk is a primary-key lookup, projected as a batch is (Kuzu scans for a list of ids, however short).
    const all = (await client.ok(links('id', 'first: 200'))) as Links;
    const single = all.companyProjectLinks.find((link) => link.talks.length === 1)!;
    const lone = await client.run(
      links(
        'id title kind',
        `companyId: "${single.company.id}", projectId: "${single.project.id}", first: 1`,
      ),
    );
    // (asked more than ids and titles, which the matrix's first facts store with the ids).
    expect((lone.data as Links).companyProjectLinks[0]!.talks).toEqual([
      { id: single.talks[0]!.id, title: expect.any(String), kind: expect.any(String) },
    ]);
    expect(lone.stats.statements).toContain('node/one[n:Talk]n{id,kind,title}');
    expect(lone.stats.statements.some((name) => name.startsWith('node/talk-fields'))).toBe(false);
  });

  it('answers an edition’s talks’ companies asked by name from the talks’ cards, as Talk.companies does', async () => {
    type Editions = {
      editions: { talks: { edges: { node: { id: string; companies: Record<string, string>[] } }[] } }[];
    };
    const page = (companies: string, window = 'first: 50') =>
      `{ editions { talks(${window}) { edges { node { id companies { ${companies} } } } } } }`;
    const ahead = await client.run(page('id name label __typename'));
    expect(ahead.errors).toBeUndefined();
    // The editions, their talks with the talks' cards, then nothing: no talk/company-names.
    expect(ahead.stats.statements).toEqual(['edition/all', 'edition/talkst{companyRows,id}']);
    // Asked one field more, the companies come from talk/companies, as whole nodes.
    const plain = await client.run(page('id name label __typename homepage'));
    expect(plain.stats.statements).toContain('talk/companies');
    const talks = (d: unknown) => (d as Editions).editions.flatMap((e) => e.talks.edges.map((x) => x.node));
    const stripped = talks(plain.data).map((t) => ({
      ...t,
      companies: t.companies.map(({ homepage: _, ...rest }) => rest),
    }));
    expect(talks(ahead.data)).toEqual(stripped);
    // The data has talks with none, one and several companies.
    const sizes = new Set(talks(ahead.data).map((t) => Math.min(t.companies.length, 2)));
    expect([...sizes].sort()).toEqual([0, 1, 2]);
    // A later window primes from the cards of the talks it shows.
    const later = await client.run(page('name', 'first: 2, after: "' + (await firstCursor()) + '"'));
    expect(later.stats.statements.some((s) => s.startsWith('talk/'))).toBe(false);
  });

  /** The cursor after the first talk of the first edition. */
  async function firstCursor(): Promise<string> {
    const data = (await client.ok('{ editions { talks(first: 1) { pageInfo { endCursor } } } }')) as {
      editions: { talks: { pageInfo: { endCursor: string | null } } }[];
    };
    return data.editions.map((e) => e.talks.pageInfo.endCursor).find(Boolean)!;
  }

  it('never lets a talk card answer a field that asks for more, in the same request', async () => {
    type Data = {
      talks: { edges: { node: { id: string } }[] };
      again: { summary: string | null; kind: string };
    };
    const first = (await client.ok('{ talks(first: 1) { edges { node { id } } } }')) as Data;
    const id = first.talks.edges[0]!.node.id;
    const data = (await client.ok(
      `{ talks(first: 5) { edges { node { id title } } } again: node(id: "${id}") { ... on Talk { summary kind } } }`,
    )) as Data;
    expect(data.again.kind).toMatch(/^[A-Z_]+$/);
    expect(data.again.summary).not.toBeUndefined();
    const alone = (await client.ok(`{ node(id: "${id}") { ... on Talk { summary kind } } }`)) as {
      node: unknown;
    };
    expect(data.again).toEqual(alone.node);
  });

  it('never lets a stub answer a field that asks for more, in the same request', async () => {
    type Talks = {
      talks: {
        edges: {
          node: {
            projects: { id: string; name: string }[];
            mentions: { id: string; aliases: string[] }[];
            speakers: { id: string }[];
            participants: { person: { id: string; aliases: string[] } }[];
          };
        }[];
      };
    };
    const data = (await client.ok(
      `{ talks(first: 100) { edges { node { projects { id name } mentions: projects { id aliases }
         speakers { id name } participants { person { id aliases } } } } } }`,
    )) as Talks;
    const nodes = data.talks.edges.map((e) => e.node);
    // Every whole-node answer has its aliases (a list, [] when none), beside the stubs of the same nodes.
    expect(nodes.flatMap((n) => n.mentions).every((p) => Array.isArray(p.aliases))).toBe(true);
    expect(nodes.flatMap((n) => n.participants).every((p) => Array.isArray(p.person.aliases))).toBe(true);
    expect(nodes.map((n) => n.projects.map((p) => p.id))).toEqual(
      nodes.map((n) => n.mentions.map((p) => p.id)),
    );
    expect(nodes.flatMap((n) => n.mentions).some((p) => p.aliases.length > 0)).toBe(true);
  });

  it('never lets an affiliation stub answer affiliations asked for more, in the same request', async () => {
    type Speaker = { id: string; affiliations: { jobTitle?: string | null; company: { name: string } }[] };
    type Talks = { talks: { edges: { node: { stubs: Speaker[]; whole: Speaker[] } }[] } };
    const result = await client.run(
      `{ talks(first: 25) { edges { node {
         stubs: speakers { id affiliations { company { name } edition { id } } }
         whole: speakers { id affiliations { jobTitle company { name } edition { id } } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    // The stubs from the talks' cards, the whole affiliations from a participants statement.
    expect(result.stats.statements.some((name) => name.startsWith('talk/participants'))).toBe(true);
    const nodes = (result.data as Talks).talks.edges.map((e) => e.node);
    const whole = nodes.flatMap((n) => n.whole);
    expect(whole.flatMap((p) => p.affiliations).every((a) => a.jobTitle !== undefined)).toBe(true);
    expect(whole.flatMap((p) => p.affiliations).some((a) => typeof a.jobTitle === 'string')).toBe(true);
    expect(nodes.map((n) => n.stubs)).toEqual(nodes.map((n) => without('jobTitle')(n.whole)));
  });

  it('answers link ends asked only by name from the link rows, equal to the loaded nodes', async () => {
    type Links = {
      companyProjectLinks: {
        company: Record<string, string>;
        project: Record<string, string>;
        weight: number;
      }[];
    };
    const named = '{ id name label type __typename }';
    const fast = await client.run(
      `{ companyProjectLinks(first: 200) { company ${named} project ${named} weight } }`,
    );
    expect(fast.stats.dbRoundTrips).toBe(1);
    // A field the row does not hold (aliases) makes both ends load, and the shared fields agree.
    const loaded = await client.run(
      `{ companyProjectLinks(first: 200) { company { ...N aliases } project { ...N aliases } weight } } fragment N on Node { id label type __typename ... on Company { name } ... on Project { name } }`,
    );
    expect(loaded.stats.dbRoundTrips).toBe(3);
    const strip = (d: unknown) =>
      (d as Links).companyProjectLinks.map((l) => ({
        company: { ...l.company, aliases: undefined },
        project: { ...l.project, aliases: undefined },
        weight: l.weight,
      }));
    expect(strip(fast.data)).toEqual(strip(loaded.data));
    expect((fast.data as Links).companyProjectLinks.length).toBeGreaterThan(50);
  });

  it('answers search hits from the full-text rows, loading nodes only when asked, with their own labels', async () => {
    type Hits = {
      search: { label: string; score: number; type: string; node?: { id: string; label: string } }[];
    };
    for (const q of ['kubernetes', 'kuberntes', 'spotify envoy', 'falco', 'nova']) {
      const light = await client.run(`{ search(query: "${q}", first: 20) { label score type } }`);
      const full = await client.run(
        `{ search(query: "${q}", first: 20) { label score type node { id label } } }`,
      );
      // The node batches come on top of the search itself only when nodes are asked for.
      expect(full.stats.dbRoundTrips).toBeGreaterThan(light.stats.dbRoundTrips);
      const hits = (full.data as Hits).search;
      expect(hits.length).toBeGreaterThan(0);
      // The label the full-text row brought is the node's own Node.label.
      for (const h of hits) expect([q, h.label]).toEqual([q, h.node!.label]);
      expect((light.data as Hits).search).toEqual(hits.map(({ node: _node, ...rest }) => rest));
    }
  });
});
