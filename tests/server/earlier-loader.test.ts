/**
 * A service sharing its store with a loader of an earlier version, which
 * writes the graph and a load stamp but knows nothing of talk cards or link
 * summaries (review 31, M2): the service's stamp watcher sees the stamp was
 * not derived with (src/store/stamp-watch.ts) and derives them again
 * (src/load/backfill.ts's rederiveStale), so the page's cards, read in its one
 * statement, follow the graph instead of keeping the names it replaced.
 */
import { describeEachEngine } from '../helpers/engines';
import { adHocQuery } from '../helpers/queries';
import { startTestService, type TestService } from '../helpers/service';

const PAGE = '{ talks(first: 50) { edges { node { id speakers { id companies { id name } } } } } }';
type Page = { data: { talks: { edges: { node: { speakers: { companies: { name: string }[] }[] } }[] } } };

describeEachEngine('a service beside an earlier version’s loader', (engine) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(undefined, engine);
  }, 60_000);
  afterAll(() => service.close());

  const companyNames = async (): Promise<string[]> => {
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: PAGE }),
    });
    const body = (await res.json()) as Page;
    return body.data.talks.edges.flatMap((e) =>
      e.node.speakers.flatMap((s) => s.companies.map((c) => c.name)),
    );
  };

  it('derives the cards again after its load, so a page names what the graph holds', async () => {
    expect(await companyNames()).toContain('Lyft');
    // The earlier version's load: a renamed company and a new stamp, and nothing derived.
    const earlierLoad = adHocQuery(
      'earlier-load',
      "MATCH (c:Company {id: 'company:lyft'}) SET c.name = 'Lyft Renamed' WITH count(*) AS n " +
        "MATCH (s:LoadStamp {id: 'graph'}) SET s.stamp = 'an earlier version'",
    );
    await service.store.engine.write((tx) => tx.run(earlierLoad, {}));
    // Within the watcher's bound (5 s), and some room for the derivation.
    const end = Date.now() + 15_000;
    let names = await companyNames();
    while (!names.includes('Lyft Renamed') && Date.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      names = await companyNames();
    }
    expect(names).toContain('Lyft Renamed');
    expect(names).not.toContain('Lyft');
    const [stamp] = await service.store.engine.read(service.store.queries.get('graph/load-stamp'), {});
    expect(stamp?.derived).toBe(stamp?.stamp);
  }, 30_000);
});
